import { SetMetadata } from '@nestjs/common';
import { Role } from './roles';

export const ACCESS_METADATA = 'xp:access';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/** Callers holding any of these roles (in any membership) may call the operation; the service scopes further. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule);

/** Any signed-in user. */
export const Authenticated = () => SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule);

/** No sign-in needed (registration, the scan page). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);
