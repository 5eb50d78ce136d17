import { Box, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { Form, PasswordInput, required, SaveButton, Title, useAuthProvider, useGetIdentity, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { XpAuthProvider } from '../authProvider';
import { formErrors, toHttpError } from '../dataProvider/errors';
import { formatDateTime } from '../format/dates';
import { ApiError, graphql } from '../graphql/client';
import type { MembershipInfo } from '../access/permissions';
import { passwordRule } from './password';
import { CHANGE_PASSWORD } from './queries';

const LABELS: Record<string, string> = { currentPassword: 'xp.account.current_password', newPassword: 'xp.account.new_password' };

const sameAsNew = (value: string, values: Record<string, unknown>) => (value && value !== values.newPassword ? 'xp.validation.passwordMismatch' : undefined);

/**
 * Changing the password signs out every session, this one included (the API bumps the token
 * version), so the console signs in again with the new password right away.
 */
const ChangePassword = ({ email }: { email: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const authProvider = useAuthProvider() as XpAuthProvider;
  const submit = async (values: Record<string, unknown>) => {
    try {
      await graphql(CHANGE_PASSWORD, { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return formErrors(error, translate, locale, (name) => translate(LABELS[name] ?? name));
      const http = toHttpError(error, translate, locale) as Error;
      notify(http.message, { type: 'error' });
      return undefined;
    }
    await authProvider.login({ email, password: values.newPassword as string });
    notify('xp.account.changed', { type: 'success' });
    return undefined;
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>{translate('xp.account.change_password')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('xp.account.password_hint')}</Typography>
        <Form onSubmit={submit}>
          <Stack sx={{ maxWidth: 360 }}>
            <PasswordInput source="currentPassword" label="xp.account.current_password" validate={required()} autoComplete="current-password" />
            <PasswordInput source="newPassword" label="xp.account.new_password" validate={[required(), passwordRule]} autoComplete="new-password" />
            <PasswordInput source="confirmPassword" label="xp.account.confirm_password" validate={[required(), sameAsNew]} autoComplete="new-password" />
            <Box><SaveButton label="xp.account.change_password" /></Box>
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
};

/** My account: who I am, my roles, and changing my password. */
export const AccountPage = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  if (isPending || !identity) return null;
  const memberships = (identity.memberships ?? []) as MembershipInfo[];
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('xp.account.title')} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card variant="outlined" sx={{ mb: 2 }}>
            <CardContent>
              <Typography variant="h6" sx={{ mb: 1 }}>{translate('xp.account.profile')}</Typography>
              <Typography variant="subtitle1" data-testid="account-name">{identity.fullName}</Typography>
              <Typography variant="body2" color="text.secondary">{String(identity.email)}</Typography>
              {identity.lastLoginAt ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('xp.account.last_login')}: {formatDateTime(String(identity.lastLoginAt))}
                </Typography>
              ) : null}
            </CardContent>
          </Card>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="h6" sx={{ mb: 1 }}>{translate('xp.account.memberships')}</Typography>
              <Stack spacing={1}>
                {memberships.map((m) => (
                  <Box key={m.id}>
                    <Chip size="small" color="primary" label={translate(`xp.roles.${m.role}`)} sx={{ mr: 1 }} />
                    <Typography component="span" variant="body2">{m.organization.name}</Typography>
                    {m.region && <Typography component="span" variant="body2" color="text.secondary"> · {m.region.name}</Typography>}
                    {m.venues.length > 0 && (
                      <Typography variant="body2" color="text.secondary">{m.venues.map((v) => v.name).join('、')}</Typography>
                    )}
                  </Box>
                ))}
              </Stack>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <ChangePassword email={String(identity.email)} />
        </Grid>
      </Grid>
    </Box>
  );
};
