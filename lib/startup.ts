import { getHandle, migrate } from '@/db/client';
import { ConfigError, readConfig } from './config';

export async function startup(): Promise<void> {
  try {
    readConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  await migrate(await getHandle());
}
