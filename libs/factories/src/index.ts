export * from './admissions.service';
export * from './brands.service';
export * from './documents/documents.rules';
export * from './documents/documents.service';
export * from './documents/sample-files';
export * from './dto/factories.dto';
export * from './entities/brand.entity';
export * from './entities/document.entity';
export * from './entities/venue-factory.entity';
export * from './factories.module';
export * from './factories.rules';
export * from './factories.scope';
export * from './registration.service';

import { Brand } from './entities/brand.entity';
import { Document, DocumentContent } from './entities/document.entity';
import { VenueFactory, VenueFactoryCategory, VenueFactoryDocument, VenueFactoryEvent } from './entities/venue-factory.entity';
export const FACTORIES_ENTITIES = [
  Document,
  DocumentContent,
  VenueFactory,
  VenueFactoryEvent,
  VenueFactoryCategory,
  VenueFactoryDocument,
  Brand,
];
