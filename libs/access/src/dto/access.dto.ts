import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DateTimeScalar, IsName, IsPasswordText, ListArgs, Paginated, Role } from '@xp/core';
import { User } from '../entities/user.entity';

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @MaxLength(200)
  password!: string;
}

@ObjectType()
export class LoginPayload {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}

@InputType()
export class MembershipInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for REGIONAL_MANAGER.' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @Field(() => [ID], { nullable: true, description: "Limit to these of the organization's venues (default: all)." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  venueIds?: string[];
}

@InputType()
export class CreateUserInput {
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

  @Field(() => [MembershipInput])
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MembershipInput)
  memberships!: MembershipInput[];
}

@InputType()
export class GrantMembershipInput extends MembershipInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;
}

@InputType()
export class RevokeMembershipInput {
  @Field(() => ID)
  @IsUUID()
  membershipId!: string;
}

@InputType()
export class SetUserActiveInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field()
  @IsBoolean()
  active!: boolean;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @Field()
  @IsPasswordText()
  newPassword!: string;
}

@InputType()
export class UserFilter {
  @Field({ nullable: true, description: 'Part of the e-mail or name.' })
  @IsOptional()
  @IsName(60)
  search?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class UserListArgs extends ListArgs {
  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilter)
  filter?: UserFilter;
}

@ObjectType()
export class UserPage extends Paginated(User) {}
