export * from './access.module';
export * from './access.service';
export * from './dto/access.dto';
export * from './entities/membership.entity';
export * from './entities/user.entity';
export * from './password';
export * from './principal.query';
export * from './token.service';
export * from './users.service';

import { Membership, MembershipVenue } from './entities/membership.entity';
import { User } from './entities/user.entity';
export const ACCESS_ENTITIES = [User, Membership, MembershipVenue];
