import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ErrorCode, reachableVenueIds, registerConstraintErrors } from '@xp/core';
import { OrganizationsService, VenuesModule } from '@xp/venues';
import { AdmissionsResolver } from './admissions.resolver';
import { AdmissionsService } from './admissions.service';
import { BrandsResolver } from './brands.resolver';
import { BrandsService } from './brands.service';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsResolver } from './documents/documents.resolver';
import { DocumentsService } from './documents/documents.service';
import { registerUploads } from './documents/uploads';
import { VENUE_STAFF_ROLES } from './factories.scope';
import { RegistrationService } from './registration.service';

registerConstraintErrors({
  venue_factories_venue_factory_key: {
    code: ErrorCode.DUPLICATE,
    message: 'Your factory has already applied to this venue; continue with that application.',
  },
  brands_factory_name_key: { code: ErrorCode.DUPLICATE, message: 'You have already declared a brand with this name.' },
  brands_factory_trademark_key: {
    code: ErrorCode.DUPLICATE,
    message: 'You have already declared a brand with this trademark number.',
  },
});

/** Factory onboarding: registration, documents, admissions to venues, brands. */
@Module({
  imports: [VenuesModule],
  controllers: [DocumentsController],
  providers: [
    RegistrationService,
    AdmissionsService,
    DocumentsService,
    BrandsService,
    AdmissionsResolver,
    DocumentsResolver,
    BrandsResolver,
  ],
  exports: [AdmissionsService, DocumentsService, BrandsService],
})
export class FactoriesModule implements OnModuleInit {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    // Operator staff and regional managers see the factories that applied to their venues.
    this.organizations.addVisibility((ctx) => {
      const venueIds = reachableVenueIds(ctx, VENUE_STAFF_ROLES);
      if (venueIds === 'ALL' || venueIds.length === 0) return null;
      return {
        sql: "SELECT factory_org_id FROM venue_factories WHERE venue_id = ANY(:applicantVenueIds) AND status <> 'DRAFT'",
        params: { applicantVenueIds: venueIds },
      };
    });
    registerUploads(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
