import type { AuthProvider, UserIdentity } from 'ra-core';
import { canAccess } from '../access/access';
import { MembershipInfo, NO_PERMISSIONS, Permissions, permissionsOf } from '../access/permissions';
import { isEnglish, Translate } from '../dataProvider/errors';
import { ApiError, graphql } from '../graphql/client';
import type { ResourceDefinition } from '../resources/types';
import { clearSession, hasStoredSession, readSession, writeSession } from './session';

const MEMBERSHIP_FIELDS = `id role organization { id kind name } region { id name } venues { id code name }`;

export const LOGIN = `mutation Login($input: LoginInput!) {
  result: login(input: $input) { accessToken expiresAt }
}`;

export const ME = `query Me {
  result: me { id email displayName lastLoginAt memberships { ${MEMBERSHIP_FIELDS} } }
}`;

export interface Me {
  id: string;
  email: string;
  displayName: string;
  lastLoginAt: string | null;
  memberships: MembershipInfo[];
}

export interface AuthProviderOptions {
  resources: readonly ResourceDefinition[];
  translate: Translate;
  locale: () => string;
  request?: typeof graphql;
}

export interface XpAuthProvider extends AuthProvider {
  /** The signed-in user (one `me` call per session, shared by identity and permissions). */
  me(): Promise<Me>;
}

/**
 * Sign-in on the API's `login`, identity and permissions from `me`. The token and its expiry
 * are kept in localStorage; an expired token counts as signed out. UNAUTHENTICATED from any
 * call (a revoked or expired token, a deactivated user) signs out.
 */
export function createAuthProvider({ resources, translate, locale, request = graphql }: AuthProviderOptions): XpAuthProvider {
  let current: { token: string; me: Promise<Me> } | null = null;

  function me(): Promise<Me> {
    const session = readSession();
    if (!session) return Promise.reject(new ApiError('UNAUTHENTICATED', 'Not signed in'));
    if (current?.token !== session.accessToken) {
      const promise = request<{ result: Me }>(ME, {}, { token: session.accessToken }).then((d) => d.result);
      current = { token: session.accessToken, me: promise };
      promise.catch(() => {
        if (current?.me === promise) current = null;
      });
    }
    return current.me;
  }

  async function permissions(): Promise<Permissions> {
    try {
      return permissionsOf((await me()).memberships);
    } catch {
      return NO_PERMISSIONS;
    }
  }

  return {
    me,

    async login({ username, email, password }: { username?: string; email?: string; password: string }) {
      try {
        const data = await request<{ result: { accessToken: string; expiresAt: string } }>(
          LOGIN,
          { input: { email: (email ?? username ?? '').trim(), password } },
          { token: null },
        );
        writeSession(data.result);
        current = null;
      } catch (error) {
        const code = error instanceof ApiError ? error.code : 'NETWORK';
        if (isEnglish(locale()) && error instanceof ApiError && code !== 'NETWORK') throw new Error(error.message);
        const key = code === 'UNAUTHENTICATED' || code === 'VALIDATION_FAILED' ? 'xp.auth.wrong_credentials' : `xp.errors.${code === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'NETWORK'}`;
        throw new Error(translate(key));
      }
    },

    async logout() {
      clearSession();
      current = null;
    },

    async checkAuth() {
      if (readSession()) return;
      // Never signed in: straight to the sign-in page without a notice; expired: say so.
      const expired = hasStoredSession();
      clearSession();
      throw expired ? new Error('xp.auth.session_expired') : { message: false };
    },

    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        clearSession();
        current = null;
        throw new Error('xp.auth.session_expired');
      }
    },

    async getIdentity(): Promise<UserIdentity> {
      const user = await me();
      return { id: user.id, fullName: user.displayName, email: user.email, lastLoginAt: user.lastLoginAt, memberships: user.memberships };
    },

    getPermissions: permissions,

    async canAccess({ action, resource }: { action: string; resource: string }) {
      return canAccess(resources, await permissions(), resource, action);
    },
  };
}
