export * from './entities/brand.entity';
export * from './entities/document.entity';
export * from './entities/venue-factory.entity';

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
