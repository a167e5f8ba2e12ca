/**
 * The names English uses for one country: what warehouses store ("Germany", "USA", "United
 * States") and what requests say ("German customers", "US invoices"). General English, one
 * line a country: names and adjectives first, then short forms written in capitals, which
 * only match when written the same way ("US", never the pronoun "us"); two-letter country
 * codes are left out, as most are also the code of a state or province ("CA", "DE", "IN").
 */
const COUNTRIES: [names: string[], shortForms?: string[]][] = [
  [["Argentina", "Argentine", "Argentinian"]],
  [["Australia", "Australian"]],
  [["Austria", "Austrian"]],
  [["Bangladesh", "Bangladeshi"]],
  [["Belgium", "Belgian"]],
  [["Bolivia", "Bolivian"]],
  [["Brazil", "Brasil", "Brazilian"]],
  [["Bulgaria", "Bulgarian"]],
  [["Canada", "Canadian"]],
  [["Chile", "Chilean"]],
  [["China", "Chinese", "People's Republic of China"], ["PRC"]],
  [["Colombia", "Colombian"]],
  [["Costa Rica", "Costa Rican"]],
  [["Croatia", "Croatian"]],
  [["Cuba", "Cuban"]],
  [["Cyprus", "Cypriot"]],
  [["Czech Republic", "Czechia", "Czech"]],
  [["Denmark", "Danish"]],
  [["Ecuador", "Ecuadorian"]],
  [["Egypt", "Egyptian"]],
  [["Estonia", "Estonian"]],
  [["Ethiopia", "Ethiopian"]],
  [["Finland", "Finnish"]],
  [["France", "French"]],
  [["Germany", "German", "Deutschland"]],
  [["Ghana", "Ghanaian"]],
  [["Greece", "Greek"]],
  [["Guatemala", "Guatemalan"]],
  [["Hong Kong"]],
  [["Hungary", "Hungarian"]],
  [["Iceland", "Icelandic"]],
  [["India", "Indian"]],
  [["Indonesia", "Indonesian"]],
  [["Iran", "Iranian"]],
  [["Iraq", "Iraqi"]],
  [["Ireland", "Irish", "Republic of Ireland", "Eire"]],
  [["Israel", "Israeli"]],
  [["Italy", "Italian"]],
  [["Jamaica", "Jamaican"]],
  [["Japan", "Japanese"]],
  [["Jordan", "Jordanian"]],
  [["Kenya", "Kenyan"]],
  [["South Korea", "Korea", "Republic of Korea", "Korean", "South Korean"]],
  [["Latvia", "Latvian"]],
  [["Lebanon", "Lebanese"]],
  [["Lithuania", "Lithuanian"]],
  [["Luxembourg", "Luxembourgish"]],
  [["Malaysia", "Malaysian"]],
  [["Malta", "Maltese"]],
  [["Mexico", "Mexican"]],
  [["Morocco", "Moroccan"]],
  [["Netherlands", "The Netherlands", "Holland", "Dutch"]],
  [["New Zealand", "New Zealander"], ["NZ"]],
  [["Nigeria", "Nigerian"]],
  [["Norway", "Norwegian"]],
  [["Pakistan", "Pakistani"]],
  [["Panama", "Panamanian"]],
  [["Paraguay", "Paraguayan"]],
  [["Peru", "Peruvian"]],
  [["Philippines", "Filipino", "Philippine"]],
  [["Poland", "Polish"]],
  [["Portugal", "Portuguese"]],
  [["Romania", "Romanian"]],
  [["Russia", "Russian", "Russian Federation"]],
  [["Saudi Arabia", "Saudi"]],
  [["Serbia", "Serbian"]],
  [["Singapore", "Singaporean"]],
  [["Slovakia", "Slovak"]],
  [["Slovenia", "Slovenian"]],
  [["South Africa", "South African"]],
  [["Spain", "Spanish"]],
  [["Sri Lanka", "Sri Lankan"]],
  [["Sweden", "Swedish"]],
  [["Switzerland", "Swiss"]],
  [["Taiwan", "Taiwanese"]],
  [["Thailand", "Thai"]],
  [["Tunisia", "Tunisian"]],
  [["Turkey", "Turkish", "Türkiye"]],
  [["Ukraine", "Ukrainian"]],
  [["United Arab Emirates", "Emirati"], ["UAE"]],
  [
    ["United Kingdom", "Britain", "Great Britain", "British"],
    ["UK", "U.K."],
  ],
  [
    ["United States", "United States of America", "America", "American"],
    ["US", "USA", "U.S.", "U.S.A."],
  ],
  [["Uruguay", "Uruguayan"]],
  [["Venezuela", "Venezuelan"]],
  [["Vietnam", "Viet Nam", "Vietnamese"]],
];

const lower = (text: string) => text.normalize("NFKC").trim().toLowerCase();
const byName = new Map<string, string[]>();
const byShortForm = new Map<string, string[]>();
for (const [names, shortForms = []] of COUNTRIES) {
  const all = [...names, ...shortForms];
  for (const name of names) byName.set(lower(name), all);
  for (const form of shortForms) byShortForm.set(form, all);
}

/**
 * The other names of the country `text` names ("German" → Germany, Deutschland, DE…), for
 * finding the one a column stores; empty when `text` names no country. Short forms match only
 * in capitals.
 */
export function countryNames(text: string): string[] {
  const group = byShortForm.get(text.normalize("NFKC").trim()) ?? byName.get(lower(text)) ?? [];
  return group.filter((name) => lower(name) !== lower(text));
}
