import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { TIME_ZONE } from '../lib/dates';

/**
 * A publicity window lasts days; a browser test cannot wait for it. The test moves one case's
 * window into the past — the only thing it changes behind the app's back — and then runs the same
 * sweep the portal runs (`npm run publicity:close`) on the run's PostgreSQL server (e2e/run.ts).
 */
export async function endPublicityWindow(caseId: number): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const r = await client.query(
      `UPDATE cases SET publicity_start = publicity_start - 10, publicity_end = (now() AT TIME ZONE '${TIME_ZONE}')::date - 1
        WHERE id = $1 AND state = 'in_publicity'`,
      [caseId],
    );
    if (r.rowCount !== 1) throw new Error(`case ${caseId} is not in publicity`);
  } finally {
    await client.end();
  }
  execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/close-publicity.ts'], {
    env: process.env,
    stdio: 'pipe',
  });
}

/**
 * A first enrolment waits 90 days before cover starts; a browser test cannot. The test moves one
 * member's cover of this year back to the term's first day — as if the waiting period had passed —
 * the only thing it changes behind the app's back.
 */
export async function waitOutWaitingPeriod(employeeNo: string, schemeCode: string): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const r = await client.query(
      `UPDATE mutual_enrolments e SET cover_from = e.term_start
        FROM users u, mutual_schemes s
        WHERE u.id = e.member_id AND s.id = e.scheme_id AND u.employee_no = $1 AND s.code = $2
          AND e.year = extract(year FROM (now() AT TIME ZONE '${TIME_ZONE}'))::int`,
      [employeeNo, schemeCode],
    );
    if (r.rowCount !== 1) throw new Error(`${employeeNo} has no enrolment in ${schemeCode} this year`);
  } finally {
    await client.end();
  }
}
