import { startServer } from './server';

export default async function globalSetup(): Promise<void> {
  await startServer();
}
