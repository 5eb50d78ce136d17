import { Type } from '@nestjs/common';
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type as TransformType } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateNested, Matches } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../errors/domain-error';

export const MAX_PER_PAGE = 200;

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

@InputType()
export class SortInput {
  @Field()
  @Matches(/^[A-Za-z][A-Za-z0-9_.]{0,63}$/, { message: 'must be a field name' })
  field!: string;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  @IsIn(Object.values(SortOrder))
  order: SortOrder = SortOrder.ASC;
}

/** page / perPage / sort, as every list in API.md takes them. Extend it with a `filter`. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1, { message: 'must be 1 or more' })
  @Max(1_000_000)
  page = 1;

  @Field(() => Int, { defaultValue: 25 })
  @IsInt()
  @Min(1, { message: 'must be 1 or more' })
  @Max(MAX_PER_PAGE, { message: `must be at most ${MAX_PER_PAGE}` })
  perPage = 25;

  @Field(() => SortInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @TransformType(() => SortInput)
  sort?: SortInput;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** `ThingPage { items: [Thing!]!, total: Int! }` for a node type. */
export function Paginated<T>(classRef: Type<T>): Type<Page<T>> {
  @ObjectType({ isAbstract: true })
  abstract class PageType implements Page<T> {
    @Field(() => [classRef])
    items!: T[];

    @Field(() => Int, { description: 'How many items match the filter, over all pages.' })
    total!: number;
  }
  return PageType as Type<Page<T>>;
}

/**
 * Applies sort (from a whitelist of API field → SQL expression; an unknown field is
 * VALIDATION_FAILED) and the page window, with the id as tie-breaker so pages never overlap.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: ListArgs,
  sortable: Record<string, string>,
  fallback: { field: string; order: SortOrder },
): Promise<Page<T>> {
  const { column, sort } = sortColumn(args, sortable, fallback);
  qb.orderBy(column, sort.order, sort.order === SortOrder.ASC ? 'NULLS FIRST' : 'NULLS LAST');
  if (column !== `${qb.alias}.id`) qb.addOrderBy(`${qb.alias}.id`, 'ASC');
  qb.skip((args.page - 1) * args.perPage).take(args.perPage);
  const [items, total] = await qb.getManyAndCount();
  return { items, total };
}

function sortColumn(
  args: ListArgs,
  sortable: Record<string, string>,
  fallback: { field: string; order: SortOrder },
): { column: string; sort: { field: string; order: SortOrder } } {
  const sort = args.sort ?? fallback;
  const column = Object.prototype.hasOwnProperty.call(sortable, sort.field) ? sortable[sort.field] : undefined;
  if (!column) {
    throw DomainError.field(
      'sort.field',
      `cannot sort by "${sort.field}"; use one of: ${Object.keys(sortable).join(', ')}`,
    );
  }
  return { column, sort };
}

/**
 * The ORDER BY / LIMIT / OFFSET of `paginate` for a hand-written statement: the same whitelist
 * (an unknown field is VALIDATION_FAILED), the same NULLS placement and id tie-breaker.
 * `idColumn` is the SQL of the row's id (e.g. `a.id`).
 */
export function pageSql(
  args: ListArgs,
  sortable: Record<string, string>,
  fallback: { field: string; order: SortOrder },
  idColumn: string,
): { orderBy: string; limit: number; offset: number } {
  const { column, sort } = sortColumn(args, sortable, fallback);
  const direction = sort.order === SortOrder.ASC ? 'ASC NULLS FIRST' : 'DESC NULLS LAST';
  const orderBy = column === idColumn ? `${column} ${direction}` : `${column} ${direction}, ${idColumn} ASC`;
  return { orderBy, limit: args.perPage, offset: (args.page - 1) * args.perPage };
}
