/**
 * What patients call the bundled hospitals (六院, 瑞金, 仁济东院…), so search finds them by
 * those names. Curated by hand for the hospitals in seed/shanghai-hospitals.csv; keyed by the
 * exact `name` there. An operator's imported hospital not listed here is found by its name,
 * short name and their pinyin only.
 *
 * Where the names come from: the numbered municipal hospitals are called by their number
 * (上海市第六人民医院 → 六院, 市六); university hospitals by their own name without the
 * university (瑞金, 中山, 华山); campuses by the campus names in the CSV rows (仁济东院). A
 * `note` says where a historical name or nickname comes from. These are the team's curation,
 * not an official list: correct a row here, and the next seed/import indexes it.
 */
export interface HospitalAlias {
  /** The hospital's name exactly as in the catalog. */
  name: string;
  aliases: string[];
  note?: string;
}

export const HOSPITAL_ALIASES: HospitalAlias[] = [
  {
    name: '上海交通大学医学院附属瑞金医院',
    aliases: ['瑞金', '瑞金医院', '广慈医院'],
    note: '1907 年建院时名广慈医院，1966 年更名瑞金医院（医院官网院史）',
  },
  { name: '上海交通大学医学院附属第九人民医院', aliases: ['九院', '第九人民医院', '上海九院'] },
  { name: '上海交通大学医学院附属第九人民医院（北部院区）', aliases: ['九院北部', '九院北院'] },
  { name: '上海交通大学医学院附属仁济医院（西院）', aliases: ['仁济', '仁济西院'] },
  { name: '上海交通大学医学院附属仁济医院（东院）', aliases: ['仁济', '仁济东院', '仁济浦东'] },
  { name: '上海交通大学医学院附属仁济医院（南院）', aliases: ['仁济', '仁济南院'] },
  { name: '海军军医大学第二附属医院', aliases: ['长征医院', '长征', '上海长征医院'] },
  { name: '海军军医大学第一附属医院', aliases: ['长海医院', '长海', '上海长海医院'] },
  {
    name: '海军军医大学第三附属医院（安亭院区）',
    aliases: ['东方肝胆医院', '东方肝胆外科医院', '东方肝胆'],
    note: '第三附属医院即东方肝胆外科医院（医院官网）',
  },
  { name: '上海中医药大学附属曙光医院（西院）', aliases: ['曙光', '曙光医院', '曙光西院'] },
  { name: '上海中医药大学附属曙光医院（东院）', aliases: ['曙光', '曙光医院', '曙光东院'] },
  {
    name: '复旦大学附属妇产科医院（黄浦院区）',
    aliases: ['红房子', '红房子医院', '妇产科医院'],
    note: '“红房子医院”是该院自称的俗名（其官网与公众号名）',
  },
  { name: '复旦大学附属中山医院', aliases: ['中山', '中山医院'] },
  {
    name: '上海市第六人民医院',
    aliases: ['六院', '市六', '第六人民医院', '上海六院', '市六医院'],
  },
  {
    name: '上海市第六人民医院临港院区（原东院）',
    aliases: ['六院临港', '六院东院', '市六东院'],
  },
  { name: '复旦大学附属肿瘤医院', aliases: ['肿瘤医院', '复旦肿瘤', '复旦大学肿瘤医院'] },
  { name: '上海市胸科医院', aliases: ['胸科医院', '胸科'] },
  { name: '上海中医药大学附属龙华医院', aliases: ['龙华', '龙华医院'] },
  {
    name: '上海市精神卫生中心（徐汇院区）',
    aliases: ['精卫中心', '宛平南路600号', '600号'],
    note: '以地址“宛平南路600号”广为人知',
  },
  {
    name: '复旦大学附属眼耳鼻喉科医院',
    aliases: ['五官科医院', '眼耳鼻喉科医院', '汾阳路五官科'],
    note: '上海人习称“五官科医院”',
  },
  { name: '中国福利会国际和平妇幼保健院', aliases: ['国妇婴', '和平妇幼', '国际和平'] },
  { name: '上海市徐汇区中心医院', aliases: ['徐汇中心医院', '徐中心'] },
  { name: '上海市同仁医院', aliases: ['同仁', '同仁医院'] },
  { name: '上海市光华中西医结合医院', aliases: ['光华医院', '光华'] },
  { name: '复旦大学附属华山医院', aliases: ['华山', '华山医院'] },
  { name: '复旦大学附属华山医院（西院）', aliases: ['华山', '华山西院'] },
  { name: '复旦大学附属华山医院北院', aliases: ['华山', '华山北院'] },
  { name: '华东医院', aliases: ['华东'] },
  { name: '上海市第十人民医院', aliases: ['十院', '市十', '第十人民医院', '上海十院'] },
  { name: '上海市第一妇婴保健院（西院）', aliases: ['一妇婴', '一妇婴西院'] },
  { name: '上海市第一妇婴保健院（东院）', aliases: ['一妇婴', '一妇婴东院'] },
  {
    name: '上海市儿童医院（北京西路院区）',
    aliases: ['市儿童医院', '上海儿童医院', '儿童医院北京西路'],
  },
  {
    name: '上海市儿童医院（泸定路院区）',
    aliases: ['市儿童医院', '上海儿童医院', '儿童医院泸定路'],
  },
  { name: '上海市静安区中心医院', aliases: ['静安中心医院', '静中心'] },
  { name: '上海市中医医院', aliases: ['市中医医院', '市中医'] },
  { name: '上海市同济医院', aliases: ['同济', '同济医院'] },
  { name: '上海市普陀区中心医院', aliases: ['普陀中心医院'] },
  { name: '上海市第一人民医院（北部院区）', aliases: ['一院', '市一', '第一人民医院', '市一北部'] },
  { name: '上海市第一人民医院（南部院区）', aliases: ['一院', '市一', '市一南部', '市一松江'] },
  { name: '上海市第四人民医院', aliases: ['四院', '市四', '第四人民医院'] },
  { name: '上海中医药大学附属岳阳中西医结合医院', aliases: ['岳阳', '岳阳医院'] },
  { name: '上海交通大学医学院附属新华医院', aliases: ['新华', '新华医院'] },
  { name: '上海交通大学医学院附属新华医院崇明分院', aliases: ['新华崇明', '崇明新华'] },
  { name: '上海市肺科医院', aliases: ['肺科医院', '肺科'] },
  { name: '上海市杨浦区中心医院', aliases: ['杨浦中心医院'] },
  {
    name: '上海交通大学医学院附属上海儿童医学中心',
    aliases: ['儿童医学中心', '儿中心', '上海儿童医学中心'],
  },
  { name: '上海市东方医院', aliases: ['东方医院'] },
  { name: '上海市第七人民医院', aliases: ['七院', '市七', '第七人民医院'] },
  { name: '上海市浦东新区人民医院', aliases: ['浦东人民医院'] },
  { name: '上海市浦东医院', aliases: ['浦东医院'] },
  { name: '上海市浦东新区公利医院', aliases: ['公利', '公利医院'] },
  { name: '上海市浦东新区周浦医院', aliases: ['周浦医院'] },
  { name: '复旦大学附属儿科医院', aliases: ['儿科医院', '复旦儿科'] },
  { name: '上海市第五人民医院', aliases: ['五院', '市五', '第五人民医院'] },
  { name: '上海市闵行区中心医院', aliases: ['闵行中心医院'] },
  { name: '上海市嘉定区中心医院', aliases: ['嘉定中心医院'] },
  {
    name: '复旦大学附属中山医院青浦分院',
    aliases: ['中山青浦', '青浦中心医院'],
    note: '原青浦区中心医院，现为中山医院青浦分院',
  },
  { name: '上海市奉贤区中心医院', aliases: ['奉贤中心医院'] },
  { name: '复旦大学附属金山医院', aliases: ['金山医院'] },
  { name: '上海市公共卫生临床中心', aliases: ['公卫中心', '公共卫生中心'] },
];

const BY_NAME = new Map(HOSPITAL_ALIASES.map((a) => [a.name, a.aliases]));

/** The aliases patients use for the hospital named `name` (none when not curated). */
export const aliasesOf = (name: string): string[] => BY_NAME.get(name) ?? [];
