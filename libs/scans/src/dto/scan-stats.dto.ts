import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { DateScalar } from '@xp/core';
import { ScanGroupBy } from '../scans.rules';

@ArgsType()
export class ScanStatsArgs {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => DateScalar, { description: 'First business day (Asia/Shanghai), included.' })
  from!: string;

  @Field(() => DateScalar, { description: 'First business day not included.' })
  to!: string;

  @Field(() => ScanGroupBy, { defaultValue: ScanGroupBy.DAY })
  @IsEnum(ScanGroupBy)
  groupBy: ScanGroupBy = ScanGroupBy.DAY;
}

/** The funnel of one group: scans → listings → traced orders. */
@ObjectType()
export class ScanStatsRow {
  @Field({ description: 'The slot, SKU or factory id, or the day (YYYY-MM-DD); "TOTAL" for the totals.' })
  key!: string;

  @Field({ description: 'Slot code, SKU code and title, factory name, or the day.' })
  label!: string;

  @Field(() => Int, { description: 'Views of the scan page.' })
  scans!: number;

  @Field(() => Int, { description: 'Different devices that viewed (hashed first-party cookie).' })
  uniqueDevices!: number;

  @Field(() => Int, { description: 'Listing downloads (JSON or CSV).' })
  listings!: number;

  @Field(() => Int, { description: 'Different devices that downloaded a listing.' })
  listingDevices!: number;

  @Field(() => Float, { description: 'listingDevices / uniqueDevices.' })
  listingRate!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Orders placed from a scan code (order lines carrying it); null while orders cannot be traced.',
  })
  tracedOrders!: number | null;
}

@ObjectType()
export class ScanStats {
  @Field(() => ID)
  venueId!: string;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => ScanGroupBy)
  groupBy!: ScanGroupBy;

  @Field({ description: 'VENUE (staff, government: all SKUs) or FACTORY (a factory: its own SKUs only).' })
  scope!: string;

  @Field(() => ScanStatsRow)
  totals!: ScanStatsRow;

  @Field(() => [ScanStatsRow])
  rows!: ScanStatsRow[];

  @Field({ description: 'True once order lines carry scan codes (the sales area registers the trace).' })
  ordersTraceable!: boolean;
}
