import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AccessModule } from '@xp/access';
import { AuditModule } from '@xp/audit';
import { CatalogModule } from '@xp/catalog';
import { AppConfig, CoreModule, createFormatError, DateTimeScalar, HttpErrorFilter, withPrimedFields, XpValidationPipe } from '@xp/core';
import { DemoModule } from '@xp/demo';
import { ShowroomModule } from '@xp/showroom';
import { StockModule } from '@xp/stock';
import { LabelsModule } from '@xp/labels';
import { FactoriesModule } from '@xp/factories';
import { PricingModule } from '@xp/pricing';
import { ScansModule } from '@xp/scans';
import { SalesModule } from '@xp/sales';
import { SettlementModule } from '@xp/settlement';
import { ReportsModule } from '@xp/reports';
import { VenuesModule } from '@xp/venues';
import { HealthController } from './health.controller';

export interface AppModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  logger: Logger;
}

/** GraphQL limits: deep or expensive queries and alias floods are refused before they run. */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxCost: 20_000,
  maxAliases: 30,
  maxDirectives: 30,
  maxTokens: 10_000,
};

@Module({})
export class AppModule {
  static forRoot({ config, dataSource, logger }: AppModuleOptions): DynamicModule {
    const production = config.env === 'production';
    const armor = new ApolloArmor({
      maxDepth: { n: GRAPHQL_LIMITS.maxDepth },
      costLimit: { maxCost: GRAPHQL_LIMITS.maxCost },
      maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
      maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
      maxTokens: { n: GRAPHQL_LIMITS.maxTokens },
      blockFieldSuggestion: { enabled: production },
    }).protect();
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSource.options }),
          dataSourceFactory: async () => dataSource,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: !production,
          introspection: !production,
          context: ({ request }: { request: unknown }) => ({ req: request }),
          formatError: createFormatError(logger),
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
          // No HTTP caching of GraphQL answers (they are per caller); Apollo's default cache-control
          // plugin would otherwise wrap every field resolver to collect cache hints.
          plugins: [ApolloServerPluginCacheControlDisabled(), ...armor.plugins] as ApolloDriverConfig['plugins'],
          validationRules: armor.validationRules,
          // Relations a list page read in its own statement answer without their field resolvers.
          transformSchema: (schema) => withPrimedFields(schema),
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: false,
          csrfPrevention: true,
        }),
        AuditModule,
        VenuesModule,
        AccessModule,
        ShowroomModule,
        StockModule,
        LabelsModule,
        FactoriesModule,
        CatalogModule,
        PricingModule,
        ScansModule,
        SalesModule,
        SettlementModule,
        ReportsModule,
        DemoModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useClass: XpValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
