import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Divider, Grid, Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { email as emailRule, Form, LocalesMenuButton, Notification, PasswordInput, required, TextInput, useLocaleState, useLogin, useTranslate } from 'react-admin';
import { passwordRule } from '../account/password';
import { toHttpError } from '../dataProvider/errors';
import { graphql } from '../graphql/client';

export const REGISTER_FACTORY = `mutation RegisterFactory($input: RegisterFactoryInput!) {
  result: registerFactory(input: $input) { organization { id name } user { id email } }
}`;

/** The form's values → RegisterFactoryInput (the first administrator nested under `admin`). */
export function toRegisterInput(v: Record<string, any>): Record<string, unknown> {
  const text = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);
  return {
    name: text(v.name),
    creditCode: text(v.creditCode)?.toUpperCase(),
    address: text(v.address),
    industryBelt: text(v.industryBelt),
    contactName: text(v.contactName),
    contactPhone: text(v.contactPhone),
    admin: { displayName: text(v.admin?.displayName), email: text(v.admin?.email), password: v.admin?.password },
  };
}

/**
 * A factory signs itself up (public, linked from the sign-in page): its organization with the
 * unified social credit code and its first administrator, then it is signed in and lands on
 * its portal to apply to a venue.
 */
export const RegisterPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: Record<string, any>) => {
    setBusy(true);
    setError(null);
    try {
      const input = toRegisterInput(values);
      await graphql(REGISTER_FACTORY, { input }, { token: null });
      await login({ email: (input.admin as { email: string }).email, password: values.admin.password });
      return undefined;
    } catch (e) {
      const http = toHttpError(e, translate, locale, 'registration') as { message: string; body?: { errors?: Record<string, unknown> } };
      setError(http.message);
      return http.body?.errors;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #0f3d5e 0%, #1f6f8b 55%, #99c24d 100%)', py: 4 }}>
      <Box sx={{ position: 'absolute', top: 8, right: 8, color: 'white' }}>
        <LocalesMenuButton />
      </Box>
      <Card sx={{ width: 720, maxWidth: '94vw' }}>
        <CardContent>
          <Typography variant="h5" sx={{ fontWeight: 700 }}>{translate('xp.register.title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('xp.register.subtitle')}</Typography>
          <Form onSubmit={submit} resource="registration">
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{translate('xp.register.factory')}</Typography>
            <Grid container columnSpacing={2}>
              <Grid size={{ xs: 12 }}><TextInput source="name" validate={required()} fullWidth helperText="xp.register.name_hint" /></Grid>
              <Grid size={{ xs: 12, md: 6 }}><TextInput source="creditCode" validate={required()} fullWidth parse={(v: string) => v.toUpperCase()} helperText="xp.register.creditCode_hint" /></Grid>
              <Grid size={{ xs: 12, md: 6 }}><TextInput source="industryBelt" fullWidth helperText="xp.register.industryBelt_hint" /></Grid>
              <Grid size={{ xs: 12 }}><TextInput source="address" validate={required()} fullWidth /></Grid>
              <Grid size={{ xs: 12, md: 6 }}><TextInput source="contactName" validate={required()} fullWidth /></Grid>
              <Grid size={{ xs: 12, md: 6 }}><TextInput source="contactPhone" validate={required()} fullWidth /></Grid>
            </Grid>
            <Divider sx={{ my: 1 }} />
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{translate('xp.register.admin')}</Typography>
            <Grid container columnSpacing={2}>
              <Grid size={{ xs: 12, md: 6 }}><TextInput source="admin.displayName" validate={required()} fullWidth /></Grid>
              <Grid size={{ xs: 12, md: 6 }}><TextInput source="admin.email" type="email" validate={[required(), emailRule()]} fullWidth /></Grid>
              <Grid size={{ xs: 12, md: 6 }}><PasswordInput source="admin.password" validate={[required(), passwordRule]} fullWidth helperText="xp.account.password_hint" /></Grid>
            </Grid>
            {error && <Alert severity="error" sx={{ mb: 2 }} data-testid="register-error">{error}</Alert>}
            <Button type="submit" variant="contained" size="large" disabled={busy} startIcon={busy ? <CircularProgress size={18} /> : undefined}>
              {translate('xp.register.submit')}
            </Button>
          </Form>
          <Typography variant="body2" sx={{ mt: 2 }}>
            {translate('xp.register.have_account')}{' '}
            <Link component={RouterLink} to="/login">{translate('xp.auth.sign_in')}</Link>
          </Typography>
        </CardContent>
      </Card>
      <Notification />
    </Box>
  );
};
