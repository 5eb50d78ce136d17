import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG, EventBus, RequestContext, runInTransaction } from '@xp/core';
import { DemoPart, DemoRefs } from './demo.types';
import { factoriesPart } from './parts/factories';
import { labelsPart } from './parts/labels';
import { partiesPart } from './parts/parties';
import { pricingPart } from './parts/pricing';
import { salesPart } from './parts/sales';
import { showroomPart } from './parts/showroom';
import { stockPart } from './parts/stock';

/** The demo's parts in the order they build on each other. Each area appends its own. */
export const DEMO_PARTS: DemoPart[] = [partiesPart, factoriesPart, pricingPart, showroomPart, stockPart, labelsPart, salesPart];

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Loads the demo into an empty database (no organizations yet); does nothing otherwise. */
  async seedIfEmpty(): Promise<boolean> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM organizations');
    if (count > 0) return false;
    const ctx = RequestContext.system(this.dataSource);
    // The address printed in the demo labels' QR codes.
    const refs: DemoRefs = { 'config.publicBaseUrl': this.config.publicBaseUrl };
    await runInTransaction(ctx, {}, async () => {
      for (const part of DEMO_PARTS) {
        this.logger.log(`Loading demo data: ${part.name}`);
        await part.run(ctx, refs);
      }
    });
    await this.events.publish(ctx.takeEvents());
    return true;
  }
}
