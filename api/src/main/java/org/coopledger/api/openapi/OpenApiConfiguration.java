package org.coopledger.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs}. Money, currencies and identifiers are
 * described as they travel on the wire (a decimal-string amount object, plain strings) rather
 * than as the Java types behind them.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BASIC = "basicAuth";

    static {
        Schema<?> money = new ObjectSchema()
                .addProperty("amount", new StringSchema().example("125.50")
                        .description("decimal string, at most the currency's decimals"))
                .addProperty("currency", new StringSchema().example("JOD").description("ISO 4217 code"));
        SpringDocUtils.getConfig()
                .replaceWithSchema(Money.class, money)
                .replaceWithSchema(CurrencyUnit.class, new StringSchema().example("JOD"))
                .replaceWithClass(MemberId.class, String.class)
                .replaceWithClass(AccountId.class, String.class)
                .replaceWithClass(TransactionId.class, String.class);
    }

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("coopledger API")
                        .version("v1")
                        .description("Core ledger of savings and credit cooperatives: members, shares, savings, "
                                + "transfers, statements and the trial balance. Ledger-changing POSTs take an "
                                + "Idempotency-Key header; errors are application/problem+json with a stable code."))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
