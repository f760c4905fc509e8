/** `npm run permissions:table`: the capability × role table the README shows (from lib/permissions.ts). */
import { permissionsMarkdown } from '@/lib/permissions';

console.log(permissionsMarkdown());
