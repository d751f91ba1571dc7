// coopledger dashboard: reads the report API with the user's HTTP Basic credentials and draws
// plain SVG charts. No dependency, no inline script (the page is served with a strict
// Content-Security-Policy). The credentials live in this closure only: never in storage or cookies,
// gone on reload or logout. Amounts are shown as the API's decimal strings, never through a float;
// floats are used only to size the bars.
'use strict';

(function () {
  const API = '../api/v1/reports/';
  const SVG = 'http://www.w3.org/2000/svg';
  const BUCKET_LABELS = {
    CURRENT: 'current', DPD_1_30: '1-30', DPD_31_60: '31-60', DPD_61_90: '61-90',
    DPD_91_180: '91-180', DPD_OVER_180: '> 180'
  };
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  let authorization = null;
  let data = null;

  const $ = (id) => document.getElementById(id);

  function basic(username, password) {
    // RFC 7617 with UTF-8, which the ledger decodes: btoa alone refuses non-Latin-1 passwords.
    const bytes = new TextEncoder().encode(username + ':' + password);
    let binary = '';
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    return 'Basic ' + btoa(binary);
  }

  async function get(path) {
    const response = await fetch(API + path, {
      headers: { Authorization: authorization, Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store'
    });
    if (!response.ok) {
      const error = new Error('HTTP ' + response.status + ' for ' + path);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  // ---- numbers as text ----------------------------------------------------------------------

  /** "2669.98" → "2,669.98": the API's exact decimal with thousands separators. */
  function money(amount) {
    if (amount == null) {
      return '–';
    }
    const negative = amount.startsWith('-');
    const [whole, fraction] = (negative ? amount.slice(1) : amount).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (negative ? '-' : '') + grouped + (fraction !== undefined ? '.' + fraction : '');
  }

  /** "0.374535" → "37.45 %", rounded half up in decimal arithmetic (BigInt), not through a float. */
  function percent(ratio) {
    if (ratio == null) {
      return '–';
    }
    const [whole, fraction = ''] = ratio.split('.');
    const millionths = BigInt(whole + (fraction + '000000').slice(0, 6));
    const hundredths = millionths / 100n + (millionths % 100n >= 50n ? 1n : 0n);
    const text = hundredths.toString().padStart(3, '0');
    return text.slice(0, -2) + '.' + text.slice(-2) + ' %';
  }

  function monthLabel(date) {
    return MONTHS[Number(date.slice(5, 7)) - 1] + ' ' + date.slice(2, 4);
  }

  /** The ends of the 11 months before asOf's month, then asOf itself. */
  function seriesDates(asOf) {
    const [year, month] = asOf.split('-').map(Number);
    const dates = [];
    for (let back = 11; back >= 1; back--) {
      dates.push(new Date(Date.UTC(year, month - back, 0)).toISOString().slice(0, 10));
    }
    dates.push(asOf);
    return dates;
  }

  // ---- loading --------------------------------------------------------------------------------

  async function load() {
    const now = await get('portfolio');
    const dates = seriesDates(now.asOf);
    const [series, bySegment, byBranch, savings] = await Promise.all([
      Promise.all(dates.map((d) => (d === now.asOf ? now : get('portfolio?asOf=' + d)))),
      get('portfolio?groupBy=segment'),
      get('portfolio?groupBy=branch'),
      Promise.all(dates.map((d) => get('savings?asOf=' + d)))
    ]);
    return { now, dates, series, bySegment, byBranch, savings };
  }

  function currencies(loaded) {
    const found = new Set();
    loaded.series.forEach((report) => report.lines.forEach((l) => found.add(l.currency)));
    loaded.savings.forEach((report) => report.totals.forEach((t) => found.add(t.currency)));
    return [...found].sort();
  }

  // ---- drawing --------------------------------------------------------------------------------

  function svg(name, attributes, text) {
    const element = document.createElementNS(SVG, name);
    Object.entries(attributes || {}).forEach(([k, v]) => element.setAttribute(k, v));
    if (text != null) {
      element.textContent = text;
    }
    return element;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
  }

  function fillTable(id, rows) {
    const body = $(id).querySelector('tbody');
    body.replaceChildren();
    rows.forEach(({ key, keyName, cells }) => {
      const tr = document.createElement('tr');
      tr.dataset[keyName] = key;
      cells.forEach(([text, className]) => cell(tr, text, className));
      body.appendChild(tr);
    });
  }

  /** Vertical bars over time; an optional line (ratios) on a 0-100 % axis at the right. */
  function timeChart(id, width, points, barTitle, lineTitle) {
    const height = 230, left = 64, right = lineTitle ? 56 : 12, top = 26, bottom = 28;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': barTitle });
    const max = Math.max(1, ...points.map((p) => p.value));
    const maxRatio = Math.max(0.01, ...points.map((p) => p.ratio || 0));
    const plotWidth = width - left - right, plotHeight = height - top - bottom;
    const step = plotWidth / points.length;
    chart.appendChild(svg('line', { x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, class: 'axis' }));
    chart.appendChild(svg('text', { x: left - 6, y: top + 4, class: 'tick end' }, money(max.toFixed(0))));
    chart.appendChild(svg('text', { x: left - 6, y: top + plotHeight, class: 'tick end' }, '0'));
    const line = [];
    points.forEach((p, i) => {
      const x = left + i * step;
      const h = (p.value / max) * plotHeight;
      const bar = svg('rect', { x: x + step * 0.15, y: top + plotHeight - h, width: step * 0.7, height: Math.max(h, 0), class: 'bar' });
      bar.appendChild(svg('title', {}, `${p.date}: ${p.label}`));
      chart.appendChild(bar);
      if (step >= 48 || i % 2 === points.length % 2 || i === points.length - 1) {
        // On a narrow chart every other month is labelled, always the last one.
        chart.appendChild(svg('text', { x: x + step / 2, y: height - 10, class: 'tick middle' }, monthLabel(p.date)));
      }
      if (lineTitle) {
        line.push(`${x + step / 2},${top + plotHeight - ((p.ratio || 0) / maxRatio) * plotHeight}`);
      }
    });
    if (lineTitle) {
      chart.appendChild(svg('polyline', { points: line.join(' '), class: 'ratio-line' }));
      points.forEach((p, i) => {
        const dot = svg('circle', { cx: left + i * step + step / 2, cy: top + plotHeight - ((p.ratio || 0) / maxRatio) * plotHeight, r: 3, class: 'ratio-dot' });
        dot.appendChild(svg('title', {}, `${p.date}: ${lineTitle} ${p.ratioLabel}`));
        chart.appendChild(dot);
      });
      chart.appendChild(svg('text', { x: width - right + 6, y: top + 4, class: 'tick ratio' }, (maxRatio * 100).toFixed(1) + ' %'));
    }
    const legend = svg('text', { x: left, y: 12, class: 'legend' }, barTitle + (lineTitle ? ' (bars) · ' + lineTitle + ' (line)' : ''));
    chart.appendChild(legend);
    $(id).replaceChildren(chart);
  }

  /** Horizontal bars, one per row, with the figures written beside them. */
  function barChart(id, rows) {
    const width = 520, rowHeight = 26, left = 120, right = 190;
    const height = Math.max(1, rows.length) * rowHeight + 8;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
    const max = Math.max(1, ...rows.map((r) => r.value));
    rows.forEach((r, i) => {
      const y = 4 + i * rowHeight;
      const w = (r.value / max) * (width - left - right);
      chart.appendChild(svg('text', { x: left - 8, y: y + 16, class: 'tick end' }, r.label));
      const bar = svg('rect', { x: left, y: y + 3, width: Math.max(w, 0), height: rowHeight - 8, class: r.className || 'bar' });
      bar.appendChild(svg('title', {}, `${r.label}: ${r.text}`));
      chart.appendChild(bar);
      chart.appendChild(svg('text', { x: left + w + 6, y: y + 16, class: 'tick' }, r.text));
    });
    if (rows.length === 0) {
      chart.appendChild(svg('text', { x: 8, y: 20, class: 'tick' }, 'No loans.'));
    }
    $(id).replaceChildren(chart);
  }

  function lineOf(report, currency) {
    return report.lines.find((l) => l.currency === currency) || null;
  }

  function render(currency) {
    const { now, dates, series, bySegment, byBranch, savings } = data;
    const current = lineOf(now, currency);
    $('as-of').textContent = now.asOf;
    $('kpi-glp').textContent = current ? money(current.grossLoanPortfolio.amount) + ' ' + currency : '–';
    $('kpi-loans').textContent = current ? String(current.activeLoans) : '0';
    $('kpi-par30').textContent = current ? percent(current.par30.ratio) : '–';
    $('kpi-par30-amount').textContent = current ? money(current.par30.outstandingPrincipal.amount) + ' ' + currency : '';
    $('kpi-par1-90').textContent = current ? percent(current.par1.ratio) + ' / ' + percent(current.par90.ratio) : '–';
    $('kpi-arrears-rate').textContent = current ? percent(current.arrearsRate) : '–';
    $('kpi-arrears').textContent = current ? 'arrears ' + money(current.arrears.amount) + ' ' + currency : '';

    const points = dates.map((date, i) => {
      const l = lineOf(series[i], currency);
      const glp = l ? l.grossLoanPortfolio.amount : '0';
      const par30 = l ? l.par30.outstandingPrincipal.amount : '0';
      const ratio = l ? l.par30.ratio : null;
      return { date, value: Number(glp), label: 'GLP ' + money(glp), glp, par30, ratio: ratio == null ? 0 : Number(ratio), ratioLabel: percent(ratio), ratioText: ratio };
    });
    timeChart('series-chart', 1100, points, 'GLP', 'PAR30');
    fillTable('series-table', points.map((p) => ({
      keyName: 'date', key: p.date,
      cells: [[p.date, 'date'], [money(p.glp), 'glp'], [money(p.par30), 'par30'], [percent(p.ratioText), 'par30-ratio']]
    })));

    const buckets = current ? current.aging : [];
    barChart('aging-chart', buckets.map((b) => ({
      label: BUCKET_LABELS[b.bucket] || b.bucket, value: Number(b.outstandingPrincipal.amount),
      text: `${b.loans} ${b.loans === 1 ? 'loan' : 'loans'} · ${money(b.outstandingPrincipal.amount)}`,
      className: b.bucket === 'CURRENT' ? 'bar' : 'bar late'
    })));
    fillTable('aging-table', buckets.map((b) => ({
      keyName: 'bucket', key: b.bucket,
      cells: [[BUCKET_LABELS[b.bucket] || b.bucket, 'bucket'], [String(b.loans), 'loans'], [money(b.outstandingPrincipal.amount), 'principal']]
    })));

    const deposits = dates.map((date, i) => {
      const total = savings[i].totals.find((t) => t.currency === currency);
      const amount = total ? total.depositsOutstanding.amount : '0';
      return { date, value: Number(amount), label: 'deposits ' + money(amount), amount };
    });
    timeChart('deposits-chart', 540, deposits, 'Deposits outstanding', null);
    fillTable('deposits-table', deposits.map((d) => ({
      keyName: 'date', key: d.date, cells: [[d.date, 'date'], [money(d.amount), 'deposits']]
    })));

    [['segment', bySegment], ['branch', byBranch]].forEach(([dimension, report]) => {
      const lines = report.lines.filter((l) => l.currency === currency && l.activeLoans > 0);
      barChart(dimension + '-chart', lines.map((l) => ({
        label: l[dimension], value: Number(l.grossLoanPortfolio.amount),
        text: `${money(l.grossLoanPortfolio.amount)} · PAR30 ${percent(l.par30.ratio)}`
      })));
      fillTable(dimension + '-table', lines.map((l) => ({
        keyName: 'key', key: l[dimension],
        cells: [[l[dimension], 'name'], [String(l.activeLoans), 'loans'], [money(l.grossLoanPortfolio.amount), 'glp'], [percent(l.par30.ratio), 'par30-ratio']]
      })));
    });

    const definitions = $('definitions');
    definitions.replaceChildren();
    Object.entries(now.definitions).forEach(([term, text]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = text;
      definitions.append(dt, dd);
    });
  }

  // ---- session --------------------------------------------------------------------------------

  function show(loggedIn) {
    $('login').hidden = loggedIn;
    $('dashboard').hidden = !loggedIn;
    $('session').hidden = !loggedIn;
  }

  async function logIn(event) {
    event.preventDefault();
    $('login-error').textContent = '';
    authorization = basic($('username').value, $('password').value);
    $('password').value = '';
    $('status').textContent = 'Loading…';
    document.body.dataset.state = 'loading';
    try {
      data = await load();
    } catch (error) {
      authorization = null;
      data = null;
      $('status').textContent = '';
      document.body.dataset.state = 'login';
      $('login-error').textContent = error.status === 401 ? 'Wrong username or password.'
        : error.status === 403 ? 'This dashboard is for managers and auditors.'
          : error.status === 429 ? 'Too many wrong passwords for this username; wait a little and try again.'
          : 'The ledger could not be read (' + error.message + ').';
      return;
    }
    const select = $('currency');
    select.replaceChildren(...currencies(data).map((c) => new Option(c, c)));
    show(true);
    if (select.options.length === 0) {
      $('status').textContent = 'No loans or deposits yet.';
    } else {
      render(select.value);
      $('status').textContent = '';
    }
    document.body.dataset.state = 'ready';
  }

  function logOut() {
    authorization = null;
    data = null;
    show(false);
    document.body.dataset.state = 'login';
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('login').addEventListener('submit', logIn);
    $('logout').addEventListener('click', logOut);
    $('currency').addEventListener('change', (event) => render(event.target.value));
  });
}());
