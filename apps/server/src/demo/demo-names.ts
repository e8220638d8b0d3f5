/** Deterministic synthetic people for demo data and benchmarks; no real person is named. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文玉萍红梅鹏飞晨辉波宇浩婷雪琳斌鑫亮岩凯健晶颖慧海峰林春成志新'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export const nameFor = (i: number): string => {
  const s = SURNAMES[i % SURNAMES.length]!
  const g1 = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!
  const g2 = GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length]!
  return i % 3 === 0 ? `${s}${g1}` : `${s}${g1}${g2}`
}

/** A mobile number in the 139/150/186/… ranges, unique per index below 10^8. */
export const mobileFor = (i: number, prefix = '139'): string =>
  `${prefix}${String(i).padStart(8, '0')}`

/** A GB 11643-valid ID-card number for a synthetic person (region, birth date, sequence). */
export const idCardFor = (i: number, region = '620102'): string => {
  const year = 1965 + (i % 36)
  const month = String(1 + (i % 12)).padStart(2, '0')
  const day = String(1 + (i % 28)).padStart(2, '0')
  const seq = String(i % 1000).padStart(3, '0')
  const body = `${region}${year}${month}${day}${seq}`
  let sum = 0
  for (let k = 0; k < 17; k++) sum += Number(body[k]) * WEIGHTS[k]!
  return `${body}${CHECK[sum % 11]}`
}
