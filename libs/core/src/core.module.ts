import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from './config/config';
import { TransactionInterceptor } from './context/transaction.interceptor';
import { EventBus } from './events/event-bus';

/** Configuration, the event bus and the transaction interceptor, for every area. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, EventBus, TransactionInterceptor],
      exports: [APP_CONFIG, EventBus, TransactionInterceptor],
    };
  }
}
