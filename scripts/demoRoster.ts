/** The six fictional students of the demo screening, with the sign-in codes the demo kiosk shows. */
export const DEMO_ROSTER = [
  { code: 'ACDE3479', birthDate: '2016-03-08', identity: { studentId: 'D0501', name: '林晓雨', className: '五年级(1)班', grade: 5, sex: 'female' as const } },
  { code: 'FGHJ6794', birthDate: '2012-11-02', identity: { studentId: 'D0802', name: '张子航', className: '八年级(2)班', grade: 8, sex: 'male' as const } },
  { code: 'KMNP7943', birthDate: '2013-01-25', identity: { studentId: 'D0803', name: '陈思琪', className: '八年级(2)班', grade: 8, sex: 'female' as const } },
  { code: 'QRTU9437', birthDate: '2009-07-14', identity: { studentId: 'D1104', name: '王浩然', className: '高二(3)班', grade: 11, sex: 'male' as const } },
  { code: 'VWXY4379', birthDate: '2010-09-30', identity: { studentId: 'D1005', name: '刘佳怡', className: '中职一年级 数控(1)班', grade: 10, sex: 'female' as const, track: 'vocational' as const } },
  { code: 'ADFH3694', birthDate: '2014-06-19', identity: { studentId: 'D0606', name: '赵一鸣', className: '六年级(2)班', grade: 6, sex: 'male' as const } },
];
