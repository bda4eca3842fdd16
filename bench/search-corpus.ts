/**
 * The search benchmark's deterministic corpus and queries (bench/search.ts): realistic Chinese meeting speeches from
 * open-government vocabulary, drawn with a seeded PRNG so every run searches the same text.
 */

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Picker {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  /** Uniform pick. */
  one<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  /** Skewed pick: early items are much more frequent (roughly Zipf-like), as words are in real text. */
  skewed<T>(items: readonly T[]): T {
    const r = this.random();
    const item = items[Math.floor(r * r * r * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
}

const topics = [
  '資料開放',
  '資訊公開',
  '公民參與',
  '行動方案',
  '承諾事項',
  '個資保護',
  '預算',
  '採購',
  '揭弊者保護',
  '政治獻金',
  '實質受益人',
  '開放政府',
  '政府資料',
  '遊說法',
  '開放國會',
  '性別平等',
  '氣候變遷',
  '淨零轉型',
  '數位韌性',
  '假訊息',
  '媒體識讀',
  '司法透明',
  '公共工程',
  '公司登記',
  '利益衝突',
  '人權行動計畫',
  '原住民族權益',
  '身心障礙者權益',
  '青年參與',
  '參與式預算',
  '電子公文',
  '數位身分',
  '無障礙網頁',
  '政府採購網',
  '決算',
  '審計報告',
  '國際合作',
  '廉政',
  '反貪腐',
  '資料治理',
  '資料標準',
  '開放格式',
  '授權條款',
  '健康資料',
  '空氣品質',
  '水資源',
  '能源轉型',
  '碳排放',
  '社會住宅',
  '長期照顧',
  '公共政策網路參與平臺',
  '國土計畫',
  '透明',
  '課責',
  '法規預告',
  '政策溝通',
  '陳情案件',
  '檔案應用',
  '統計資料',
  '地理資訊',
  '食品安全',
  '勞動檢查',
];
const aspects = [
  '透明度',
  '課責機制',
  '法制作業',
  '執行進度',
  '評估指標',
  '成效',
  '資料品質',
  '公開範圍',
  '利害關係人',
  '溝通管道',
  '回饋機制',
  '時程',
  '經費',
  '權責分工',
  '配套措施',
  '監督機制',
  '執行方式',
  '具體做法',
  '盤點結果',
  '後續規劃',
];
const agencies = [
  '國發會',
  '法務部',
  '內政部',
  '財政部',
  '主計總處',
  '經濟部',
  '數位發展部',
  '行政院',
  '監察院',
  '審計部',
  '衛福部',
  '環境部',
  '教育部',
  '勞動部',
  '原民會',
  '客委會',
  '金管會',
  '工程會',
  '廉政署',
  '中選會',
  '各部會',
  '地方政府',
  '推動小組',
  '工作分組',
  '秘書處',
  '文化部',
  '交通部',
  '農業部',
  '國科會',
  '人事總處',
];
const titles = ['委員', '召集人', '主委', '副主委', '處長', '科長', '司長', '執行秘書', '教授', '律師', '研究員', '代表', '副處長', '專門委員'];
const modals = ['應該', '需要', '可以', '必須', '希望', '建議', '會', '已經', '正在', '打算'];
const verbs = [
  '盤點',
  '檢討',
  '公開',
  '強化',
  '落實',
  '推動',
  '納入',
  '追蹤',
  '修正',
  '評估',
  '說明',
  '補充',
  '整合',
  '規劃',
  '釐清',
  '列管',
  '研議',
  '彙整',
  '調查',
  '改善',
];
const connectors = ['同時', '另外', '因此', '但是', '所以', '此外', '也就是說', '換句話說', '不過', '而且', '其實', '當然'];
const meetings = ['工作會議', '分組會議', '推動小組會議', '共創工作坊', '諮詢會議', '公聽會', '說明會', '審查會議', '期中檢視會議'];
const english = ['OGP', 'open data', 'Action Plan', 'API', 'CSV', 'GitHub', 'IRM', 'SDGs', 'e-Petition', 'Join', 'PDF', 'JSON'];
const countries = ['英國', '美國', '韓國', '日本', '紐西蘭', '愛沙尼亞', '加拿大', '法國', '德國', '荷蘭', '芬蘭', '澳洲', '烏克蘭', '菲律賓'];
const statuses = ['符合預期', '進度落後', '已經完成', '部分完成', '尚未開始', '需要調整', '持續辦理'];
const judgements = ['很重要', '很關鍵', '比較根本', '值得討論', '需要釐清', '大家都很關心', '過去一直沒有處理'];
const units = ['資料集', '場次', '項', '份', '筆', '個機關', '件', '條'];
const commitments = [
  '推動資料開放及資料應用',
  '強化公共政策參與',
  '落實揭弊者保護',
  '建立實質受益人資訊揭露',
  '提升政治獻金透明度',
  '推動開放國會',
  '強化政府採購透明',
  '打擊假訊息並提升媒體識讀',
  '推動性別平等參與',
];
const fillers = ['我們', '大家', '這部分', '這個部分', '民間', '機關', '民眾', '公務員', '委員們', '各位'];

const surnames = [...'陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余趙盧梁顏柯孫魏翁戴范宋方鄧杜傅侯曹薛丁卓唐馬董温藍石'];
const givenChars = [...'志明家豪俊傑建宏雅婷怡君淑芬美玲宗翰冠宇承恩品妤欣詩涵文華國榮秀英淑惠麗珍佳穎子軒柏翰宜庭育瑋信宏正義德昌世忠振興惠如心怡嘉偉鳳儀'];

/** 3,000 local place names (two characters, e.g. 安溪): the long tail, each in a few dozen speeches. */
const places: string[] = (() => {
  const pick = new Picker(prng(11));
  const pool = [...'東西南北安平和興仁義福德信忠孝愛竹山林溪湖港口水田豐源盛隆泰昌新舊永光明復華龍鳳松柏梅蘭菊桃李杏埔坑寮厝崙頭尾洲坪嶺壢潭岡埤圳社營'];
  const out = new Set<string>();
  while (out.size < 3000) out.add(`${pick.one(pool)}${pick.one(pool)}`);
  return [...out];
})();
const localGroups = ['社區發展協會', '里辦公處', '在地聯盟', '社區大學', '青年會', '讀書會'];

/** About 300 distinct person names of 2–3 characters. */
function makeNames(count: number): string[] {
  const pick = new Picker(prng(7));
  const names = new Set<string>(['唐鳳']);
  while (names.size < count) {
    const surname = pick.one(surnames);
    const name = pick.chance(0.1) ? `${surname}${pick.one(givenChars)}` : `${surname}${pick.one(givenChars)}${pick.one(givenChars)}`;
    names.add(name);
  }
  return [...names];
}

export interface Corpus {
  names: string[];
  transcripts: { slug: string; title: string; heldOn: string; speakerIds: number[] }[];
  speeches: { transcript: number; position: number; speaker: number; body: string }[];
  bytes: number;
}

function makeSentence(p: Picker, names: string[], year: number): string {
  const name = () => `${p.one(names)}${p.one(titles)}`;
  const date = () => `${p.chance(0.2) ? `民國${year - 1911}` : year}年${p.int(1, 12)}月${p.int(1, 28)}日`;
  switch (p.int(0, 12)) {
    case 12:
      return `${p.one(places)}${p.one(localGroups)}反映，${p.skewed(topics)}的${p.skewed(aspects)}在地方上${p.one(judgements)}。`;
    case 0:
      return `${p.skewed(topics)}的${p.skewed(aspects)}${p.one(modals)}${p.one(verbs)}，${p.one(connectors)}${p.skewed(agencies)}也要${p.one(verbs)}${p.skewed(topics)}的${p.skewed(aspects)}。`;
    case 1:
      return `${date()}${p.skewed(agencies)}召開${p.one(meetings)}，討論${p.skewed(topics)}的${p.skewed(aspects)}。`;
    case 2:
      return `關於${p.skewed(topics)}，${p.skewed(agencies)}目前${p.one(modals)}${p.one(verbs)}了${p.int(2, 480)}${p.one(units)}，預計在${year + p.int(0, 2)}年底前完成。`;
    case 3:
      return `在${p.skewed(topics)}的${p.skewed(aspects)}上，${p.one(fillers)}${p.one(modals)}參考${p.one(countries)}的做法，例如${p.one(english)}。`;
    case 4:
      return `剛才${name()}提到的${p.skewed(topics)}問題，${p.skewed(agencies)}會在下次${p.one(meetings)}提出書面回應。`;
    case 5:
      return `如果${p.skewed(topics)}沒有${p.skewed(aspects)}，${p.one(fillers)}就很難${p.one(verbs)}，這是${p.one(judgements)}的問題。`;
    case 6:
      return `第${p.int(1, 20)}項承諾事項「${p.one(commitments)}」的執行進度是${p.int(5, 100)}%，${p.one(statuses)}。`;
    case 7:
      return `我想請教${name()}，${p.skewed(topics)}跟${p.skewed(topics)}之間的${p.skewed(aspects)}要怎麼${p.one(verbs)}？`;
    case 8:
      return `${p.one(fillers)}在${p.one(meetings)}裡面${p.one(modals)}把${p.skewed(topics)}${p.one(verbs)}清楚，不然${p.skewed(aspects)}會有落差。`;
    case 9:
      return `依照${p.one(english)}的精神，${p.skewed(agencies)}${p.one(modals)}${p.one(verbs)}${p.skewed(topics)}，並且每${p.int(2, 6)}個月回報一次。`;
    case 10:
      return `${name()}的意見我們記下來了，${p.one(connectors)}${p.skewed(topics)}的部分請${p.skewed(agencies)}會後${p.one(verbs)}。`;
    default:
      return `${p.one(connectors)}，${p.skewed(aspects)}這件事${p.one(judgements)}，${p.one(fillers)}要持續${p.one(verbs)}。`;
  }
}

function makeSpeech(p: Picker, names: string[], year: number): string {
  const opening = p.int(0, 6);
  let body = '';
  if (opening === 0) body = '謝謝主席。';
  else if (opening === 1) body = `謝謝${p.one(names)}${p.one(titles)}。`;
  else if (opening === 2) body = '主席、各位委員大家好。';
  else if (opening === 3) body = '我補充一下，';
  // Mostly a few sentences, sometimes a long intervention: about 150 characters (450 bytes) on average.
  const sentences = p.chance(0.12) ? p.int(6, 12) : p.int(2, 6);
  for (let i = 0; i < sentences; i++) body += makeSentence(p, names, year);
  if (p.chance(0.15)) body += p.one(['以上，謝謝。', '謝謝。', '我先說到這裡。', '請大家指教。']);
  return body;
}

export function makeCorpus(total: number): Corpus {
  const p = new Picker(prng(20240601));
  const names = makeNames(300);
  const transcriptCount = Math.max(1, Math.round(total / 100));
  const transcripts: Corpus['transcripts'] = [];
  const speeches: Corpus['speeches'] = [];
  let bytes = 0;
  // Speeches per transcript vary (30 to 170), and add up to `total`.
  const weights = Array.from({ length: transcriptCount }, () => p.int(30, 170));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  for (let t = 0; t < transcriptCount; t++) {
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor((t / transcriptCount) * 10 * 365 + p.int(0, 1)) * 86_400_000);
    const heldOn = day.toISOString().slice(0, 10);
    const year = day.getUTCFullYear();
    const speakerIds = Array.from({ length: p.int(4, 14) }, () => p.int(1, names.length));
    transcripts.push({ slug: `bench-${t + 1}`, title: `${year}年${p.skewed(topics)}${p.one(meetings)}（第${t + 1}次）`, heldOn, speakerIds });
    const count = t === transcriptCount - 1 ? total - assigned : Math.min(total - assigned, Math.round(((weights[t] ?? 100) / weightSum) * total));
    for (let position = 1; position <= count; position++) {
      const body = makeSpeech(p, names, year);
      bytes += Buffer.byteLength(body, 'utf8') + 1;
      speeches.push({ transcript: t + 1, position, speaker: p.one(speakerIds), body });
    }
    assigned += count;
  }
  return { names, transcripts, speeches, bytes };
}

/**
 * 240 measured queries of 2–4 characters, drawn deterministically: person names (and parts of them), vocabulary, local place names (the rare tail),
 * agency names, a few Latin acronyms, and random 2–4 character pieces of random speeches (often rare phrases that
 * span two words). Plus 20 warm-up queries drawn the same way, not measured.
 */
export function makeQueries(corpus: Corpus): { warmup: string[]; measured: string[] } {
  const p = new Picker(prng(42));
  const short = (list: readonly string[]) => list.filter((w) => [...w].length >= 2 && [...w].length <= 4 && /^\p{sc=Han}+$/u.test(w));
  const vocabulary = [...short(topics), ...short(aspects), ...short(agencies), ...short(verbs), ...short(meetings), ...short(countries), ...short(titles)];
  const piece = (): string => {
    for (;;) {
      const body = p.one(corpus.speeches).body;
      const runs = body.match(/\p{sc=Han}{2,}/gu) ?? [];
      if (runs.length === 0) continue;
      const run = [...p.one(runs)];
      const length = Math.min(run.length, p.int(2, 4));
      const at = p.int(0, run.length - length);
      return run.slice(at, at + length).join('');
    }
  };
  const draw = (n: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const kind = i % 12;
      if (kind < 3) out.push(p.one(corpus.names));
      else if (kind === 3)
        out.push([...p.one(corpus.names)].slice(-2).join('')); // a given name alone
      else if (kind < 7) out.push(p.one(vocabulary));
      else if (kind === 7 && i % 48 === 7) out.push(p.one(['OGP', 'API', 'CSV', 'IRM', 'PDF']));
      else if (kind >= 9)
        out.push(p.chance(0.5) ? p.one(places) : `${p.one(places)}${p.one(['社區', '里辦', '在地', '青年'])}`); // the long tail
      else out.push(piece());
    }
    return out;
  };
  const warmup = draw(20);
  const measured = draw(240);
  return { warmup, measured };
}
