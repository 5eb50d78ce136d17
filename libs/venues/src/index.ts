export * from './dto/venues.dto';
export * from './entities/organization.entity';
export * from './entities/region.entity';
export * from './entities/venue.entity';
export * from './organizations.service';
export * from './venues.module';
export * from './venues.rules';
export * from './venues.service';

import { Organization } from './entities/organization.entity';
import { Region } from './entities/region.entity';
import { Venue } from './entities/venue.entity';
export const VENUES_ENTITIES = [Region, Organization, Venue];
