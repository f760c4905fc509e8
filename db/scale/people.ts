import { MINE } from '../demo-data';
import {
  type Calendar,
  type Shape,
  SUBS_PER_BRANCH,
  between,
  bp,
  chinaTime,
  date,
  lit,
  padded,
  pick,
  widthFor,
} from './sql';

/** The org tree and every account: the mine, its branches and sub-branches, their officials, the leaders and the workers. */

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '国华建平志明海军文兵勇春芳秀英玉兰桂珍丽萍红霞燕静敏娟艳杰涛超刚伟强磊洋鹏辉斌浩宇俊峰亮波晨欣悦琳婷雪梅慧颖佳怡子涵思雨博宁德福荣昌永成林森';
const REGIONS = ['361181', '361102', '361121', '360502', '361127', '360121', '360403'];
const PHONE_PREFIXES = ['138', '139', '150', '152', '158', '182', '187', '135'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

const char = (chars: string, key: string, salt: number) =>
  `substr(${lit(chars)}, ${between(key, salt, 1, [...chars].length)}, 1)`;

/** A person's surname, by their index among all generated people (workers first). */
export const surnameOf = (idx: string) => char(SURNAMES, idx, 3);

/** A given name of one or two characters. */
export const givenName = (key: string, salt: number) =>
  `${char(GIVEN, key, salt)} || CASE WHEN ${bp(key, salt + 1)} < 6500 THEN ${char(GIVEN, key, salt + 2)} ELSE '' END`;

export const phoneOf = (idx: string) =>
  `(${pick(PHONE_PREFIXES, idx, 7)} || lpad(((79000000 + (${idx})::int8 * 7919) % 100000000)::text, 8, '0'))`;

/**
 * A valid resident ID number (GB 11643), unique by construction: the index's last three digits
 * are the sequence and the rest picks a distinct birth date (a permutation of 13,000 days from
 * 1966), so no two people share the pair whatever their region.
 */
function first17(idx: string): string {
  const birth = `(DATE '1966-01-01' + ((((${idx})::int8 / 1000) * 7919) % 13000)::int)`;
  return `${pick(REGIONS, idx, 8)} || to_char(${birth}, 'YYYYMMDD') || lpad(((${idx})::int8 % 1000)::text, 3, '0')`;
}
const withCheckChar = (f17: string) =>
  `${f17} || substr('10X98765432', 1 + (${ID_WEIGHTS.map((w, i) => `substr(${f17}, ${i + 1}, 1)::int * ${w}`).join(' + ')}) % 11, 1)`;

export function orgUnitsSql(shape: Shape, cal: Calendar): string {
  const { branches: B, subBranches: S } = shape;
  const wb = widthFor(B);
  const created = chinaTime(`${date(cal.start)} - 60`, '540');
  const sub = (s: string) => `((${s}) / ${SUBS_PER_BRANCH}) + 1`;
  return `
    INSERT INTO org_units (id, code, name, level, parent_id, path, created_at)
    SELECT 1, ${lit(MINE.code)}, ${lit(MINE.name)}, 'mine', NULL, '1.', ${created}
    UNION ALL
    SELECT ${shape.branchUnit('b')}, ${padded('B', 'b + 1', wb)}, '第' || (b + 1) || '分会', 'branch', 1, '1.' || ${shape.branchUnit('b')} || '.', ${created}
    FROM generate_series(0, ${B - 1}) b
    UNION ALL
    SELECT ${shape.subUnit('s')}, ${padded('B', sub('s'), wb)} || '-' || lpad((s % ${SUBS_PER_BRANCH} + 1)::text, 2, '0'),
           '第' || (${sub('s')}) || '分会第' || (s % ${SUBS_PER_BRANCH} + 1) || '支会', 'sub_branch', ${shape.branchUnit(`s / ${SUBS_PER_BRANCH}`)},
           '1.' || ${shape.branchUnit(`s / ${SUBS_PER_BRANCH}`)} || '.' || ${shape.subUnit('s')} || '.', ${created}
    FROM generate_series(0, ${S - 1}) s`;
}

/** Every account, all with the one password hash passed as $1. */
export function usersSql(shape: Shape, cal: Calendar): string {
  const { workers: W, branches: B, subBranches: S, leaders: L } = shape;
  const created = chinaTime(`${date(cal.start)} - 30`, '540');
  const people = `
    SELECT w AS idx, ${shape.workerId('w')} AS id, ${padded('W', 'w + 1', widthFor(W))} AS employee_no, 'worker' AS role, ${shape.subUnit(shape.subOf('w'))} AS unit_id
    FROM generate_series(0, ${W - 1}) w
    UNION ALL SELECT ${W}, 1, 'A0001', 'admin', 1
    UNION ALL SELECT ${W + 1} + l, ${shape.leaderId('l')}, ${padded('L', 'l + 1', 4)}, 'leader', 1 FROM generate_series(0, ${L - 1}) l
    UNION ALL SELECT ${W + 1 + L} + b, ${shape.branchOfficialId('b')}, ${padded('B', 'b + 1', widthFor(B))}, 'branch_official', ${shape.branchUnit('b')}
      FROM generate_series(0, ${B - 1}) b
    UNION ALL SELECT ${W + 1 + L + B} + s, ${shape.subOfficialId('s')}, ${padded('S', 's + 1', widthFor(S))}, 'sub_branch_official', ${shape.subUnit('s')}
      FROM generate_series(0, ${S - 1}) s`;
  return `
    INSERT INTO users (id, employee_no, name, role, unit_id, id_number, phone, password_hash, created_at, updated_at)
    SELECT id, employee_no, name, role, unit_id, ${withCheckChar('f17')}, phone, $1, ${created}, ${created}
    FROM (
      SELECT p.id, p.employee_no, p.role, p.unit_id,
             CASE WHEN p.role = 'admin' THEN '系统管理员' ELSE ${surnameOf('p.idx')} || ${givenName('p.idx', 4)} END AS name,
             ${first17('p.idx')} AS f17, ${phoneOf('p.idx')} AS phone
      FROM (${people}) p
      OFFSET 0
    ) q`;
}
