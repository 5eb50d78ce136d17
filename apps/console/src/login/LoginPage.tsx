import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { email as emailRule, Form, LocalesMenuButton, Notification, PasswordInput, required, TextInput, useLogin, useTranslate } from 'react-admin';

/** Sign-in with e-mail and password; the error (in the user's language) shows under the form. */
export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setLoading(true);
    setError(null);
    try {
      await login({ email: values.email, password: values.password });
    } catch (e) {
      setError((e as Error).message || translate('xp.auth.wrong_credentials'));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #0f3d5e 0%, #1f6f8b 55%, #99c24d 100%)',
      }}
    >
      <Box sx={{ position: 'absolute', top: 8, right: 8, color: 'white' }}>
        <LocalesMenuButton />
      </Box>
      <Card sx={{ width: 380, maxWidth: '92vw' }}>
        <CardContent>
          <Typography variant="h4" sx={{ fontWeight: 700 }}>{translate('xp.app.brand')}</Typography>
          <Typography variant="subtitle1" color="text.secondary" sx={{ mb: 2 }}>
            {translate('xp.app.title')} · {translate('xp.app.subtitle')}
          </Typography>
          <Form onSubmit={submit}>
            <Stack>
              <TextInput source="email" label="xp.auth.email" type="email" autoComplete="username" validate={[required(), emailRule()]} autoFocus />
              <PasswordInput source="password" label="xp.auth.password" autoComplete="current-password" validate={required()} />
              {error && (
                <Alert severity="error" sx={{ mb: 2 }} data-testid="login-error">
                  {error}
                </Alert>
              )}
              <Button type="submit" variant="contained" size="large" disabled={loading} startIcon={loading ? <CircularProgress size={18} /> : undefined}>
                {translate(loading ? 'xp.auth.signing_in' : 'xp.auth.sign_in')}
              </Button>
            </Stack>
          </Form>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
            {translate('xp.auth.demo_hint')}
          </Typography>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('xp.register.new_factory')}{' '}
            <Link component={RouterLink} to="/register" data-testid="register-link">{translate('xp.register.link')}</Link>
          </Typography>
        </CardContent>
      </Card>
      <Notification />
    </Box>
  );
};
