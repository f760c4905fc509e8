import { type Calendar, type Shape, between, bp, chinaTime, date, pick } from './sql';
import { givenName, phoneOf, surnameOf } from './people';

/**
 * Survivors (遗属) and lone elderly people (孤寡老人) at a province's proportion, for the campaign
 * lists: about three survivors per thousand workers, each linked to a deceased worker (their
 * account, name and unit), one in ten whose allowance has stopped; one lone elderly person per
 * sub-branch (the demo mine's proportion), one in twenty no longer on the visit list. Plain
 * phones and bank cards: the encryption step that follows seals them with the rest.
 */

/** Per ten thousand workers: the deceased workers with a survivor on the list. */
const SURVIVORS_BP = 30;

export function survivorsSql(shape: Shape, cal: Calendar): string {
  const key = `(w.id + 7000000)`;
  const died = `(${date(cal.start)} - ${between('w.id', 9102, 30, 3000)})`;
  const stopped = `${bp('w.id', 9103)} < 1000`;
  const relation = pick(['spouse', 'parent', 'child'], 'w.id', 9104);
  return `
    INSERT INTO survivors (unit_id, deceased_worker_id, deceased_name, died_on, name, relation, birth_date,
      monthly_income_fen, monthly_allowance_fen, lives_alone, phone, address, bank_card, status, stopped_on,
      stop_reason, created_by, created_at)
    SELECT w.unit_id, w.id, w.name, ${died}, ${surnameOf(key)} || ${givenName(key, 9105)}, ${relation},
           DATE '1940-01-01' + ${between('w.id', 9106, 0, 25000)},
           ${between('w.id', 9107, 0, 80)} * 1000, (14 + ${between('w.id', 9108, 0, 4)}) * 1000,
           ${bp('w.id', 9109)} < 3000, ${phoneOf(key)}, '矿区' || ${between('w.id', 9110, 1, 12)} || '村',
           '62220212' || lpad(((w.id::int8 * 97531) % 100000000000)::text, 11, '0'),
           CASE WHEN ${stopped} THEN 'stopped' ELSE 'active' END,
           CASE WHEN ${stopped} THEN ${date(cal.today)} - ${between('w.id', 9111, 1, 300)} END,
           CASE WHEN ${stopped} THEN 'not_eligible' END,
           ${shape.leaderId('0')}, ${chinaTime(died, '600')}
    FROM users w
    WHERE w.role = 'worker' AND ${bp('w.id', 9101)} < ${SURVIVORS_BP}`;
}

export function eldersSql(shape: Shape, cal: Calendar): string {
  const key = `(s + 8000000)`;
  return `
    INSERT INTO lonely_elders (unit_id, name, birth_date, address, background, visit_every_days, since, active, created_by)
    SELECT ${shape.subUnit('s')}, ${surnameOf(key)} || ${givenName(key, 9201)},
           DATE '1930-01-01' + ${between('s', 9202, 0, 6000)}, '矿区' || ${between('s', 9203, 1, 12)} || '村 ' || (s + 1) || ' 号',
           ${pick(['退休职工', '遗属', '矿区孤寡老人'], 's', 9204)}, ${pick(['30', '30', '60', '14'], 's', 9205)}::int,
           ${date(cal.start)} + ${between('s', 9206, 0, 300)}, ${bp('s', 9207)} >= 500, ${shape.leaderId('0')}
    FROM generate_series(0, ${shape.subBranches - 1}) s`;
}
