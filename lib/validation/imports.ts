import { z } from 'zod';
import { id, requiredText } from './common';

export const runImportSchema = z.object({ jobId: id });

/** An administrator's export of a person's data: whose, and why (the request it answers). */
export const ownDataRequestSchema = z.object({ userId: id, reason: requiredText(500) });
