import type { Calendar } from './sql';
import { bp, between, chinaTime, date, lit, weighted } from './sql';

/**
 * Mutual aid at a province's size, set-based inside the server: the medical scheme with ≈ 60 % of
 * the workers enrolled in each of the last two years (≈ 600,000 members a year for a million
 * workers), ≈ a third of them claiming once a year (≈ 200,000 claims a year) in the chain's
 * states, paid ones with their payment, the caps they drew and the scheme-year funds. Claims are
 * cases (kind mutual_aid) with ids after the aid cases'; their history rows are left out (the
 * lists and the dashboards do not read them). Run inside the loader's transaction, after the aid
 * cases and before the figures are rebuilt.
 */

const MEDICAL_RULE = {
  type: 'medical',
  deductibleFen: 100_000,
  bands: [
    { uptoFen: 1_000_000, rateBp: 5_000 },
    { uptoFen: 3_000_000, rateBp: 6_000 },
    { uptoFen: null, rateBp: 7_000 },
  ],
  capFen: 3_020_000,
};

export function mutualAidSql(cal: Calendar): string[] {
  const thisYear = Number(cal.today.slice(0, 4));
  const years = [thisYear - 1, thisYear];
  const yesterday = `(${date(cal.today)} - 1)`;
  const leader = `(SELECT min(id) FROM users WHERE role = 'leader')`;
  const state = (key: string, year: string) =>
    `CASE WHEN ${year} < ${thisYear} THEN ${weighted(bp(key, 913), [
      ["'paid'", 9_500],
      ["'rejected'", 500],
    ])} ELSE ${weighted(bp(key, 913), [
      ["'paid'", 7_000],
      ["'submitted'", 800],
      ["'verified'", 600],
      ["'reviewed'", 600],
      ["'ready_for_payment'", 500],
      ["'rejected'", 500],
    ])} END`;
  return [
    `INSERT INTO mutual_schemes (code, kind, name_zh, name_en, created_by)
     VALUES ('medical', 'medical', '职工住院医疗互助', 'Hospital mutual aid', ${leader})`,
    `INSERT INTO mutual_scheme_versions (scheme_id, effective_on, contribution_fen, union_fen, unit_fen, member_fen, max_shares,
       term_years, window_start, window_end, waiting_days, renewal_grace_days, filing_deadline, publish, documents, rule, created_by)
     SELECT id, ${date(`${years[0] - 1}-10-01`)}, 3600, 1800, 0, 1800, 1, 1, '10-15', '12-15', 90, 30, '03-31', false,
       '["settlement_sheet","invoice","discharge_summary"]'::jsonb, ${lit(JSON.stringify(MEDICAL_RULE))}::jsonb, ${leader}
     FROM mutual_schemes WHERE code = 'medical'`,
    // Members of long standing: confirmed, continuous, cover from the term's first day.
    `INSERT INTO mutual_enrolments (scheme_id, version_id, year, term_start, term_end, member_id, unit_id, shares, state,
       enrolled_on, cover_from, continuous, contribution_fen, contribution_status, confirmed_at, created_at, updated_at)
     SELECT v.scheme_id, v.id, y, make_date(y, 1, 1), make_date(y, 12, 31), u.id, u.unit_id, 1, 'confirmed',
       make_date(y - 1, 11, 20), make_date(y, 1, 1), true, 3600,
       ${weighted(bp('u.id', 911), [
         ["'payroll'", 8_500],
         ["'paid'", 1_000],
         ["'unpaid'", 500],
       ])},
       ${chinaTime('make_date(y - 1, 12, 20)', '600')}, ${chinaTime('make_date(y - 1, 11, 20)', '540')}, ${chinaTime('make_date(y - 1, 12, 20)', '600')}
     FROM users u CROSS JOIN (VALUES (${years[0]}), (${years[1]})) AS ys(y)
     CROSS JOIN mutual_scheme_versions v
     WHERE u.role = 'worker' AND ${bp('u.id', 910)} < 6000
     ORDER BY y, u.id`,
    `INSERT INTO mutual_caps (enrolment_id, year, cap_fen, used_fen) SELECT id, year, 3020000, 0 FROM mutual_enrolments ORDER BY id`,
    // The claims: a third of the members once a year, on a day of the year up to yesterday.
    `CREATE TEMP TABLE gen_mutual ON COMMIT DROP AS
     SELECT e.id AS enrolment_id, e.scheme_id, e.version_id, e.year, e.member_id, e.unit_id,
       (SELECT coalesce(max(id), 0) FROM cases) + row_number() OVER (ORDER BY e.id) AS case_id,
       least(make_date(e.year, 1, 1) + ${between('e.id', 914, 0, 330)}, ${yesterday} - 12) AS event_on,
       120000 + ${between('e.id', 915, 0, 600000)} AS self_paid,
       ${state('e.id', 'e.year')} AS state
     FROM mutual_enrolments e
     WHERE ${bp('e.id', 912)} < 3333 AND make_date(e.year, 1, 1) < ${yesterday} - 12`,
    `ALTER TABLE gen_mutual ADD COLUMN payout int, ADD COLUMN filed_on date, ADD COLUMN basic int`,
    `UPDATE gen_mutual SET payout = (self_paid - 100000) / 2, filed_on = least(event_on + 10, ${yesterday}),
       basic = self_paid + ${between('case_id', 916, 0, 800000)}`,
    `INSERT INTO cases (id, kind, applicant_id, unit_id, state, version, event_on, what_happened, amount_fen, computed_fen,
       applied_on, submitted_at, publicity_start, publicity_end, submit_token, created_at, updated_at)
     SELECT case_id, 'mutual_aid', member_id, unit_id, state, 3, event_on, '', payout, payout, filed_on,
       ${chinaTime('filed_on', '600')},
       CASE WHEN state IN ('ready_for_payment', 'paid') THEN filed_on + 3 END,
       CASE WHEN state IN ('ready_for_payment', 'paid') THEN filed_on + 3 END,
       'scale-mutual-' || case_id, ${chinaTime('filed_on', '590')}, ${chinaTime('least(filed_on + 5, ' + yesterday + ')', '700')}
     FROM gen_mutual`,
    `INSERT INTO mutual_claims (case_id, enrolment_id, scheme_id, unit_id, version_id, cap_year, cap_drawn_fen, hospital,
       admitted_on, discharged_on, total_fen, basic_fen, other_fen, self_paid_fen, item_code, diagnosis, lines, payout_fen)
     SELECT case_id, enrolment_id, scheme_id, unit_id, version_id, year,
       CASE WHEN state IN ('ready_for_payment', 'paid') THEN payout ELSE 0 END, '市第一人民医院',
       event_on, event_on + 7, basic + self_paid, basic, 0, self_paid, NULL, '肺炎',
       jsonb_build_array(
         jsonb_build_object('kind', 'selfPaid', 'fen', self_paid),
         jsonb_build_object('kind', 'deductible', 'fen', 100000),
         jsonb_build_object('kind', 'band', 'fromFen', 100000, 'toFen', 1000000, 'baseFen', self_paid - 100000, 'rateBp', 5000, 'fen', payout),
         jsonb_build_object('kind', 'subtotal', 'fen', payout),
         jsonb_build_object('kind', 'cap', 'capFen', 3020000, 'usedFen', 0, 'leftFen', 3020000, 'cutFen', 0)),
       payout
     FROM gen_mutual`,
    `INSERT INTO payments (id, case_id, budget_id, amount_fen, paid_on, method, reference, recorded_by)
     SELECT (SELECT coalesce(max(id), 0) FROM payments) + row_number() OVER (ORDER BY case_id), case_id, NULL, payout,
       least(filed_on + 5, ${yesterday}), 'bank_transfer', 'HZ' || case_id, ${leader}
     FROM gen_mutual WHERE state = 'paid'`,
    `UPDATE mutual_caps c SET used_fen = d.drawn FROM (
       SELECT enrolment_id, cap_year, sum(cap_drawn_fen)::int AS drawn FROM mutual_claims GROUP BY 1, 2) d
     WHERE d.enrolment_id = c.enrolment_id AND d.cap_year = c.year AND d.drawn > 0`,
    `INSERT INTO mutual_funds (scheme_id, year, contributions_fen, payouts_fen, payouts)
     SELECT e.scheme_id, e.year,
       sum(e.contribution_fen) FILTER (WHERE e.contribution_status <> 'unpaid'),
       coalesce((SELECT sum(p.amount_fen) FROM payments p JOIN mutual_claims m ON m.case_id = p.case_id
         WHERE m.scheme_id = e.scheme_id AND m.cap_year = e.year), 0),
       (SELECT count(*) FROM payments p JOIN mutual_claims m ON m.case_id = p.case_id
         WHERE m.scheme_id = e.scheme_id AND m.cap_year = e.year)
     FROM mutual_enrolments e GROUP BY e.scheme_id, e.year ORDER BY e.scheme_id, e.year`,
  ];
}
