import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { User } from '@xp/access';
import { DateScalar, IsFreeText, IsName, ListArgs, Paginated, IsPasswordText } from '@xp/core';
import { Organization } from '@xp/venues';
import { Brand, BrandStatus } from '../entities/brand.entity';
import { Document, DocumentKind } from '../entities/document.entity';
import { VenueFactory, VenueFactoryStatus } from '../entities/venue-factory.entity';
import { BrandDecision, ReviewDecision } from '../factories.rules';

registerEnumType(ReviewDecision, { name: 'ReviewDecision', description: "The operator's decision on a submitted application." });
registerEnumType(BrandDecision, { name: 'BrandDecision' });

@InputType()
export class FactoryAdminInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsName(120)
  displayName!: string;

  @Field({ description: 'At least 10 characters, mixing letters with digits or symbols.' })
  @IsPasswordText()
  password!: string;
}

@InputType()
export class RegisterFactoryInput {
  @Field({ description: 'The name on the business licence.' })
  @IsName(200)
  name!: string;

  @Field({ description: 'Unified social credit code (统一社会信用代码), 18 characters.' })
  @IsName(18)
  creditCode!: string;

  @Field()
  @IsName(300)
  address!: string;

  @Field({ nullable: true, description: 'Industry belt (产业带), e.g. 义乌箱包.' })
  @IsOptional()
  @IsName(60)
  industryBelt?: string;

  @Field()
  @IsName(120)
  contactName!: string;

  @Field()
  @Matches(/^\+?[0-9 -]{5,20}$/, { message: 'must be a phone number' })
  contactPhone!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @Field(() => FactoryAdminInput, { description: "The factory's first administrator (FACTORY_ADMIN)." })
  @ValidateNested()
  @Type(() => FactoryAdminInput)
  admin!: FactoryAdminInput;
}

@ObjectType()
export class RegisterFactoryPayload {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => User, { description: 'Sign in with its e-mail and password (login).' })
  user!: User;
}

@InputType()
export class ApplyToVenueInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID, { nullable: true, description: 'Needed only by someone working for several factories.' })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => Int, { defaultValue: 30, description: 'Days after a confirmed settlement within which the venue pays (0–180).' })
  @IsInt()
  @Min(0, { message: 'must be 0 or more' })
  @Max(180, { message: 'must be at most 180' })
  paymentTermDays: number = 30;

  @Field(() => [ID], { description: 'The categories the factory applies to show.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one category' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  categoryIds!: string[];

  @Field(() => [ID], { defaultValue: [], description: "The factory's own documents to attach (licence, inspection reports…)." })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  documentIds: string[] = [];

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;
}

@InputType()
export class UpdateVenueFactoryInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version you saw; a newer one answers CONFLICT.' })
  @IsOptional()
  @IsInt()
  version?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must be 0 or more' })
  @Max(180, { message: 'must be at most 180' })
  paymentTermDays?: number;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one category' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  categoryIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  documentIds?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;
}

@InputType()
export class SubmitVenueFactoryInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version you saw; a newer one answers CONFLICT.' })
  @IsOptional()
  @IsInt()
  version?: number;
}

@InputType()
export class ReviewVenueFactoryInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => ReviewDecision)
  @IsEnum(ReviewDecision)
  decision!: ReviewDecision;

  @Field({ nullable: true, description: 'Required to REJECT or REQUEST_CHANGES; the factory sees it.' })
  @IsOptional()
  @IsFreeText(2000)
  reason?: string;

  @Field(() => Int, { nullable: true, description: 'The version you reviewed; if someone changed it since, CONFLICT.' })
  @IsOptional()
  @IsInt()
  version?: number;
}

@InputType()
export class SuspendVenueFactoryInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ description: 'Required; the factory sees it.' })
  @IsFreeText(2000)
  reason!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  version?: number;
}

@InputType()
export class ReinstateVenueFactoryInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(2000)
  reason?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  version?: number;
}

@InputType()
export class VenueFactoryFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => [VenueFactoryStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(VenueFactoryStatus, { each: true })
  status?: VenueFactoryStatus[];

  @Field(() => ID, { nullable: true, description: 'Applications naming this category.' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Submitted on or after this day (Asia/Shanghai).' })
  @IsOptional()
  submittedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Submitted on or before this day (Asia/Shanghai).' })
  @IsOptional()
  submittedTo?: string;

  @Field({ nullable: true, description: "Part of the factory's name (Chinese works)." })
  @IsOptional()
  @IsName(60)
  search?: string;
}

@ArgsType()
export class VenueFactoryListArgs extends ListArgs {
  @Field(() => VenueFactoryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueFactoryFilter)
  filter?: VenueFactoryFilter;
}

@ObjectType()
export class VenueFactoryPage extends Paginated(VenueFactory) {}

@InputType()
export class DeclareBrandInput {
  @Field(() => ID, { nullable: true, description: 'Needed only by someone working for several factories.' })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field()
  @IsName(60)
  name!: string;

  @Field({ description: 'Trademark registration number (商标注册号) as printed on the certificate.' })
  @IsString()
  @MaxLength(40)
  trademarkRegNo!: string;

  @Field(() => ID, { description: 'One of your TRADEMARK_CERTIFICATE documents.' })
  @IsUUID()
  certificateDocumentId!: string;
}

@InputType()
export class ReviewBrandInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => BrandDecision)
  @IsEnum(BrandDecision)
  decision!: BrandDecision;

  @Field({ nullable: true, description: 'Required to REJECT; the factory sees it.' })
  @IsOptional()
  @IsFreeText(2000)
  reason?: string;
}

@InputType()
export class BrandFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => BrandStatus, { nullable: true })
  @IsOptional()
  @IsEnum(BrandStatus)
  status?: BrandStatus;

  @Field({ nullable: true, description: 'Part of the name or the trademark number.' })
  @IsOptional()
  @IsName(60)
  search?: string;
}

@ArgsType()
export class BrandListArgs extends ListArgs {
  @Field(() => BrandFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BrandFilter)
  filter?: BrandFilter;
}

@ObjectType()
export class BrandPage extends Paginated(Brand) {}

@InputType()
export class DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  ownerOrgId?: string;

  @Field(() => DocumentKind, { nullable: true })
  @IsOptional()
  @IsEnum(DocumentKind)
  kind?: DocumentKind;
}

@ArgsType()
export class DocumentListArgs extends ListArgs {
  @Field(() => DocumentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentFilter)
  filter?: DocumentFilter;
}

@ObjectType()
export class DocumentPage extends Paginated(Document) {}
