import { Module } from '@nestjs/common';
import { ErrorCode, registerConstraintErrors } from '@xp/core';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { RegionsResolver } from './regions.resolver';
import { VenuesResolver } from './venues.resolver';
import { VenuesService } from './venues.service';

registerConstraintErrors({
  venues_code_key: { code: ErrorCode.DUPLICATE, message: 'A venue with this code already exists.' },
  regions_code_key: { code: ErrorCode.DUPLICATE, message: 'A region with this code already exists.' },
  organizations_credit_code_key: {
    code: ErrorCode.DUPLICATE,
    message: 'An organization with this unified social credit code is already registered.',
  },
  organizations_credit_code_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.creditCode',
    message: 'is not a valid unified social credit code',
  },
});

/** Parties: regions, organizations and venues. */
@Module({
  providers: [VenuesService, OrganizationsService, VenuesResolver, RegionsResolver, OrganizationsResolver],
  exports: [VenuesService, OrganizationsService],
})
export class VenuesModule {}
