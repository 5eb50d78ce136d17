import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IsName, ListArgs, OrganizationKind, Paginated } from '@xp/core';
import { Organization } from '../entities/organization.entity';
import { Region } from '../entities/region.entity';
import { Venue, VenueStatus } from '../entities/venue.entity';

@InputType()
export class RegionFilter {
  @Field({ nullable: true, description: 'Part of the code or name.' })
  @IsOptional()
  @IsName(60)
  search?: string;
}

@ArgsType()
export class RegionListArgs extends ListArgs {
  @Field(() => RegionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegionFilter)
  filter?: RegionFilter;
}

@ObjectType()
export class RegionPage extends Paginated(Region) {}

@InputType()
export class VenueFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  operatorOrgId?: string;

  @Field(() => VenueStatus, { nullable: true })
  @IsOptional()
  @IsEnum(VenueStatus)
  status?: VenueStatus;

  @Field({ nullable: true, description: 'Part of the code, name or city.' })
  @IsOptional()
  @IsName(60)
  search?: string;
}

@ArgsType()
export class VenueListArgs extends ListArgs {
  @Field(() => VenueFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueFilter)
  filter?: VenueFilter;
}

@ObjectType()
export class VenuePage extends Paginated(Venue) {}

@InputType()
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @Field({ nullable: true, description: 'Part of the name (Chinese works) or the credit code.' })
  @IsOptional()
  @IsName(60)
  search?: string;
}

@ArgsType()
export class OrganizationListArgs extends ListArgs {
  @Field(() => OrganizationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilter)
  filter?: OrganizationFilter;
}

@ObjectType()
export class OrganizationPage extends Paginated(Organization) {}

@InputType()
export class CreateRegionInput {
  @Field()
  @Matches(/^[A-Z0-9-]{2,16}$/, { message: 'must be 2–16 capital letters, digits or dashes' })
  code!: string;

  @Field()
  @IsName(120)
  name!: string;
}

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKind, { description: 'Factories register themselves (registerFactory).' })
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;

  @Field()
  @IsName(200)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsName(18)
  creditCode?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsName(300)
  address?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsName(120)
  contactName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'must be a phone number' })
  contactPhone?: string;
}

@InputType()
export class CreateVenueInput {
  @Field()
  @Matches(/^[A-Z0-9-]{2,24}$/, { message: 'must be 2–24 capital letters, digits or dashes' })
  code!: string;

  @Field()
  @IsName(200)
  name!: string;

  @Field()
  @IsName(60)
  city!: string;

  @Field(() => ID)
  @IsUUID()
  regionId!: string;

  @Field()
  @IsName(120)
  categoryFocus!: string;

  @Field(() => ID)
  @IsUUID()
  operatorOrgId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  governmentOrgId?: string;
}
