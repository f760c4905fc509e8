import { getHandle, migrate } from '@/db/client';
import { ConfigError, validateEnv } from './env';

export async function startup(): Promise<void> {
  try {
    validateEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  await migrate(await getHandle());
}
