import { describe, expect, it } from 'vitest';
import { mapHeader } from '@/lib/imports/columns';
import { CSV_FORMULA } from '@/lib/imports/read';
import { checkEnrolmentRow, checkHouseholdRow, checkRosterRow, FirstSeen, normalizeDate } from '@/lib/imports/rules';
import { makeIdNumber } from '@/lib/id-number';

describe('import templates', () => {
  it('reads headers in either language, in any order, and names what is missing or unknown', () => {
    expect(mapHeader('roster', ['姓名', 'Employee number', '单位编码', ''])).toEqual({
      ok: true,
      keys: ['name', 'employeeNo', 'unitCode', null],
    });
    expect(mapHeader('roster', ['工号', '姓名', '部门'])).toEqual({
      ok: false,
      missing: ['unitCode'],
      unknown: ['部门'],
    });
    // A column twice is as wrong as an unknown one.
    expect(mapHeader('roster', ['工号', '姓名', '单位编码', 'Name'])).toMatchObject({ ok: false, unknown: ['Name'] });
  });
});

describe('import rows', () => {
  it('checks a roster row with the forms’ own rules', () => {
    const id = makeIdNumber('110101', '19900101', 1);
    expect(
      checkRosterRow({
        employeeNo: ' w0001 ',
        name: '张三',
        unitCode: 'b01-01',
        idNumber: id.toLowerCase(),
        phone: '',
      }),
    ).toEqual({
      record: { employeeNo: 'W0001', name: '张三', unitCode: 'B01-01', idNumber: id, phone: null },
      issues: [],
    });
    expect(checkRosterRow({ employeeNo: '1', name: '', unitCode: '', idNumber: '123', phone: '5' }).issues).toEqual([
      { field: 'employeeNo', message: 'employeeNoFormat' },
      { field: 'name', message: 'required' },
      { field: 'unitCode', message: 'required' },
      { field: 'idNumber', message: 'idNumber.format' },
      { field: 'phone', message: 'phoneFormat' },
    ]);
  });

  it('reads a register row’s lists by name or code in either language, and its dates as people write them', () => {
    const row = checkHouseholdRow({
      employeeNo: 'W0001',
      category: 'Hardship',
      keepingLevel: '支会级',
      causes: '因病、poverty、因病',
      monthlyIncome: '1200.5',
      address: '一街',
      phone: '13900001111',
      filedOn: '2024年3月5日',
      memberName: '李四',
      memberRelation: '子女',
      memberBirthDate: '2010/9/1',
    });
    expect(row.issues).toEqual([]);
    expect(row.head).toMatchObject({
      category: 'hardship',
      keepingLevel: 'sub_branch',
      causes: ['illness', 'poverty'],
      monthlyIncomeFen: 120050,
      filedOn: '2024-03-05',
    });
    expect(row.member).toMatchObject({ relation: 'child', birthDate: '2010-09-01' });
    // A follow-up row: no household columns, one more member.
    expect(
      checkHouseholdRow({
        employeeNo: 'W0001',
        memberName: '王五',
        memberRelation: 'parent',
        memberBirthDate: '1950-01-01',
      }).head,
    ).toBeNull();
    expect(normalizeDate('2024.3.5')).toBe('2024-03-05');
  });

  it('tells formulas from values and repeats from first occurrences', () => {
    for (const f of ['=1+1', '@SUM(A1)', '+A1', '-SUM(A1:A2)', ' =cmd']) expect(CSV_FORMULA.test(f), f).toBe(true);
    for (const v of ['+8613900001111', '-5', '1-2', 'a=b', '']) expect(CSV_FORMULA.test(v), v).toBe(false);
    const seen = new FirstSeen();
    expect(seen.claim('W1', 2)).toBeNull();
    expect(seen.claim('W1', 5)).toBe(2);
  });
});

describe('enrolment rows', () => {
  it('needs an employee number, a name and whole shares; the ID number may be empty but must be valid', () => {
    const id = makeIdNumber('110101', '19900101', 1);
    expect(checkEnrolmentRow({ employeeNo: ' w0001 ', name: '王一', idNumber: '', shares: ' 2 ' })).toEqual({
      record: { employeeNo: 'W0001', name: '王一', idNumber: null, shares: 2 },
      issues: [],
    });
    expect(checkEnrolmentRow({ employeeNo: 'W0001', name: '王一', idNumber: id, shares: '1' }).record?.idNumber).toBe(
      id,
    );
    expect(
      checkEnrolmentRow({ employeeNo: 'W0001', name: '王一', idNumber: '123', shares: '0' }).issues.map((i) => i.field),
    ).toEqual(['idNumber', 'shares']);
    expect(checkEnrolmentRow({ employeeNo: 'W0001', name: '王一', shares: '1.5' }).issues).toEqual([
      { field: 'shares', message: 'wholeNumber' },
    ]);
    expect(mapHeader('enrolments', ['Employee number', '姓名', 'Shares'])).toEqual({
      ok: true,
      keys: ['employeeNo', 'name', 'shares'],
    });
  });
});
