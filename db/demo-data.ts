/**
 * Deterministic fake people for the demo mine: the same run twice gives the same names, numbers
 * and phones, which is what lets the seed skip what already exists.
 */
import { makeIdNumber } from '@/lib/id-number';

export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉鹏飞宇浩凯俊峰波海燕琳雪梅晶丹春生德林成荣翠云慧婷婧健斌亮宏彬鑫淑珍凤兵';
const REGIONS = ['361181', '361102', '361121', '360502', '361127'];

export function pick<T>(r: () => number, items: ArrayLike<T>): T {
  return items[Math.floor(r() * items.length)];
}

export function chineseName(r: () => number): string {
  const given = r() < 0.65 ? pick(r, GIVEN) + pick(r, GIVEN) : pick(r, GIVEN);
  return pick(r, SURNAMES) + given;
}

export function fakeIdNumber(r: () => number, index: number): string {
  const year = 1966 + Math.floor(r() * 36);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  // The index in the sequence digits keeps numbers unique within one run.
  return makeIdNumber(pick(r, REGIONS), birth, index % 1000);
}

export function fakePhone(index: number): string {
  const prefixes = ['138', '139', '150', '152', '158', '182', '187', '135'];
  return prefixes[index % prefixes.length] + String(79_000_000 + index * 7919).slice(-8);
}

export const MINE = { code: 'MINE', name: '青岭铜矿工会' };

export const BRANCHES: { code: string; name: string; subs: string[] }[] = [
  { code: 'B01', name: '采矿场分会', subs: ['一采区支会', '二采区支会', '爆破车间支会', '穿孔车间支会'] },
  { code: 'B02', name: '选矿厂分会', subs: ['破碎车间支会', '磨浮车间支会', '脱水车间支会'] },
  { code: 'B03', name: '机修厂分会', subs: ['金工车间支会', '铆焊车间支会', '电修车间支会'] },
  { code: 'B04', name: '动力厂分会', subs: ['供电车间支会', '供水车间支会', '锅炉车间支会'] },
  { code: 'B05', name: '运输部分会', subs: ['汽运车队支会', '铁运车间支会', '调度室支会'] },
];

export const DEMO_PASSWORD = 'demo1234';
export const WORKER_COUNT = 360;
