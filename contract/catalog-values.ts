/** Catalog vocabularies without zod, so the app may import them as values (filters). */

export const HOSPITAL_GRADES = [
  '三级甲等',
  '三级乙等',
  '三级',
  '二级甲等',
  '二级乙等',
  '二级',
  '一级',
] as const;

export const SHANGHAI_DISTRICTS = [
  '黄浦区',
  '徐汇区',
  '长宁区',
  '静安区',
  '普陀区',
  '虹口区',
  '杨浦区',
  '闵行区',
  '宝山区',
  '嘉定区',
  '浦东新区',
  '金山区',
  '松江区',
  '青浦区',
  '奉贤区',
  '崇明区',
] as const;
