/**
 * Word lists for discovery. Kept apart so they can grow without touching the
 * logic; every list is about what capitalisation alone cannot tell.
 */
import {MONTHS, MONTH_ABBREVIATIONS} from '@apparatus/vocabulary'

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean))

/** Titles before a name; they make the following capitalised words a person. */
export const honorifics = set(`
  Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Mx Prof Prof. Professor Sen Sen. Senator Rep Rep. Representative
  Gov Gov. Governor President Vice Justice Judge Chief Secretary Minister Ambassador Commissioner
  Mayor General Gen. Attorney Sir Dame Lord Lady Rev. Reverend Father Sister Pope King Queen Prince
  Princess Chancellor Premier Sheriff Officer Detective Captain Lieutenant Colonel Sergeant Deputy
  Director Chair Chairman Chairwoman Speaker Congressman Congresswoman Councillor Councilor Emperor
  Justices Judges Senators Sens. Representatives Reps. Governors Presidents Drs. Profs. Ministers Generals
  Appellant Appellee Petitioner Respondent Defendant Plaintiff
  Pandit Swami Munshi Sardar Maulana
  MR MR. MRS MRS. MS MS. DR DR. JUSTICE JUDGE CHIEF SENATOR PRESIDENT GOVERNOR
`)

/**
 * Honorifics that are printed as part of a person's name ("Sir Ada Quill", "Pandit Ravi Mehra", "Lala Kesho Dutt"):
 * a name discovered right after one keeps it, as the text spells the name. ("Dr.", "Mr." and office titles do not.)
 */
export const nameHonorifics = set(`Sir Dame Lala Pandit Swami Munshi Mahatma Sardar Maulana Shri Shrimati`)

/** Words that qualify a title ("Majority Leader", "Chief Executive", "Vice President"): part of the title, never of a name. */
export const titleWords = set(`
  Majority Minority Chief Executive Vice Deputy Prime Senior Junior Assistant Associate Managing Acting Interim Former First
  Foreign Home Defense Defence Finance Treasury Health Education Interior Justice Labor Labour Energy Commerce Trade Whip
`)

/** Head words that make a capitalised span an organisation. */
export const orgKeywords = set(`
  Council Commission Committee Subcommittee Administration Department Ministry Office Bureau Agency Union Association
  Institute Institution Foundation University College School Academy Court Tribunal Center Centre
  Network Organisation Organization International Society Party Service Services Board Authority
  Corporation Corp Corp. Company Co. Inc Inc. Ltd Ltd. LLC Group Fund Bank League Alliance Coalition
  Project Initiative Observatory Church Army Navy Police Federation Trust Press News Times Post
  Assembly Parliament Senate Congress Watch Lab Laboratory Clinic Hospital Museum Library Archive
  Archives Guild Syndicate Cartel Gang Brigade Front Movement Caucus Secretariat Directorate Agency
  Images Media Radio Television TV Journal Review Magazine Gazette Herald Tribune Foundation Partners
  Associates Consortium Cooperative Collective Institute Forum Council Mission Community Club Nations
  Brotherhood Sisterhood Fellowship Circuit Tribe Nation
`)

/** Head words of documents, laws and events: acronym expansions that are not organisations. */
export const documentHeads = set(`
  Act Acts Agreement Agreements Rule Rules Convention Conventions Covenant Treaty Treaties Amendment
  Amendments Law Laws Bill Protocol Declaration Standard Standards Order Policy Policies Plan Strategy
  Report Index Code Charter Accord Accords Directive Regulation Regulations Statute Doctrine War Wars
  Agenda Framework Principles Guidelines Constitution Exception Status Visa Visas Day Week Month Year
`)

/** Month names and abbreviations, with and without a full stop. */
export const months: ReadonlySet<string> = new Set([...MONTHS, ...MONTH_ABBREVIATIONS, ...MONTH_ABBREVIATIONS.map((short) => `${short}.`)])

export const days = set(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)

export const nationalities = set(`
  American Americans Salvadoran Salvadorans Salvadorean Mexican Mexicans Venezuelan Venezuelans
  Guatemalan Guatemalans Honduran Hondurans Nicaraguan Nicaraguans Cuban Cubans Colombian Colombians
  Brazilian Brazilians Argentine Argentinian Chilean Peruvian Canadian Canadians British Briton Britons
  English Scottish Welsh Irish French German Germans Italian Italians Spanish Spaniard Portuguese Dutch
  Russian Russians Chinese Japanese Korean Indian Indians Pakistani Afghan Iranian Iraqi Syrian Israeli
  Palestinian Palestinians Egyptian African Africans European Europeans Asian Asians Australian
  Rwandan Rwandans Haitian Haitians Dominican Latino Latinos Latina Hispanic Hispanics Caribbean
  Western Eastern Northern Southern Central Arab Arabs Christian Christians Muslim Muslims Jewish
  Catholic Protestant Democrat Democrats Democratic Republican Republicans Ukrainian Polish Turkish
  Greek Swedish Norwegian Danish Finnish Swiss Austrian Belgian Nigerian Kenyan Ethiopian Somali
  Sudanese Filipino Vietnamese Thai Indonesian Malaysian Ecuadorian Bolivian Paraguayan Uruguayan
`)

/** Function words that open sentences; stripped from the front of a capitalised run. */
export const openers = set(`
  A An The This That These Those It Its It's In On At By For From With Without Within Into Onto Of To
  As And But Or Nor So Yet If When While Where Whether Why How What Which Who Whom Whose Although
  Though Because Since Until Unless After Before During Despite However Moreover Furthermore Also
  Even Instead Indeed Still Then Thus Therefore Meanwhile Notably Ironically Conversely Additionally
  Ultimately Finally First Second Third Last Next Other Another Some Many Most Much More Few Several
  Such Each Every All Both Either Neither No Not None One Two Three Four Five Six Seven Eight Nine Ten
  Here There We Our Us You Your He His Him She Her They Their Them I My Me Is Are Was Were Be Been Has
  Have Had Do Does Did Can Could Would Should Will Shall May Might Must Let Yes Note See Read View
`)

/** Capitalised words that are never names by themselves (a run of only these is dropped). */
export const commonWords = new Set([
  ...openers,
  ...set(`
  Photo Photos Image Images Credit Credits Getty Select Page About Author Editor Editors Share Tweet
  Reference References Notes Sources Bibliography Endnotes Introduction Conclusion Summary Background
  Update Updated Published Posted Comments Comment Reply Home Menu Search Subscribe Follow Click Like
  New Old Former Current Recent Early Late Today Tomorrow Yesterday Mega Inside Outside Beyond Among
  Political Legal Financial Public Private National Federal State States International Global Local
  Human Rights Broader Radical Idea Deal Chance Success Implications Concern Concerns Excessive
  Equally Almost Nearly Only Just Any Across Along Around Behind Below Above Over Under Upon Via Per
  Online Available Accessed Retrieved Vol Esq Esq. Jr Jr. Sr Sr. PhD
`)
])

/** Suffixes after a name ("Marc A. Levin, Esq."): never part of an entity. */
export const nameSuffixes = set(`Esq Esq. Jr Jr. Sr Sr. PhD Ph.D. MD II III IV`)

/** Words of place names ("San Salvador", "Latin America"): a span with one is not a person. */
export const placeWords = set(`
  El La Las Los Le Les San Santa Santo Sao New North South East West Northern Southern Eastern Western
  Upper Lower Greater Latin Saint St St. Port Fort Mount Mt. Lake Cape Gulf Bay River Island Islands
  Republic Kingdom City County Valley Sea Ocean Street Avenue Road Square Province Region District
  America Americas Africa Asia Europe Oceania Atlantic Pacific Caribbean
`)

/** Head words of geographic names ("Guantanamo Bay", "Gulf of Mexico", "Mount Sinai"). */
export const placeHeads = set(`
  River Rivers Lake Lakes Mount Mountains Mountain Hills Island Islands Isle Isles Peninsula Valley
  Bay Gulf Sea Ocean Strait Straits Canyon Desert Plain Plains Coast Delta Basin Forest County
  Province Region City Cape Harbour Harbor Falls Highlands Archipelago Canal Strip Cave Caves Reservation
  Street Avenue Road Boulevard Lane Square Plaza Bridge Park Gardens Garden Palace Castle Monastery
  Temple Abbey Cathedral Heights Springs Beach Grove Hill District Village Prefecture Governorate Municipality Territory
  Quarter Courthouse Stadium Arena Airport Airfield Base Pier Dam Lighthouse Cemetery Memorial Monument Gate Building Market Hall Chowk
`)

/**
 * Organisation heads that also name things ("Network Security Services",
 * "the Open Web Project"): they make an organisation only with a name in it.
 */
export const weakOrgHeads = set(`
  Network Service Services Group Project Initiative Community Media Images News Lab Labs Mission Fund
  Trust Watch Review Journal Magazine Times Post Press Radio Television TV Forum Collective Club
  Front Movement Partners Associates Archive Archives Library Tribe Nation
`)

/** The forms of company names ("Sun Microsystems", "Phoenix Technologies"): with a name in them. */
export const companyHeads = set(`
  Technologies Technology Systems Microsystems Software Studios Studio Pictures Records Entertainment
  Airlines Airways Motors Pharmaceuticals Communications Networks Holdings Industries Enterprises
  Solutions Capital Ventures Games Interactive Electronics Energy Mobile Research Channel Publishing
  Publishers Books Digital Telecom Brands Foods Bancorp Financial Insurance Logistics Robotics
`)

/** States and empires that no longer exist, which a gazetteer of today's countries lacks. */
export const formerStates = [
  'Soviet Union',
  'USSR',
  'Yugoslavia',
  'Czechoslovakia',
  'East Germany',
  'West Germany',
  'Ottoman Empire',
  'Roman Empire',
  'Byzantine Empire',
  'Holy Roman Empire',
  'British Empire',
  'German Empire',
  'Austria-Hungary',
  'Prussia',
  'Persia',
  'Ceylon',
  'Burma',
  'Rhodesia',
  'Zaire',
  'Siam',
  'Confederate States',
  'Weimar Republic'
]

/**
 * Oceans and seas, which the country and city lists lack. One-word forms that
 * are mostly adjectives ("Mediterranean beaches", "Arctic ice") are left out,
 * and "Atlantic" alone, as often a magazine; "the Pacific" stays.
 */
export const watersOfTheWorld = [
  'Pacific',
  'Pacific Ocean',
  'Atlantic Ocean',
  'Indian Ocean',
  'Arctic Ocean',
  'Southern Ocean',
  'Mediterranean Sea',
  'Baltic Sea',
  'North Sea',
  'Black Sea',
  'Red Sea',
  'Caspian Sea',
  'South China Sea',
  'Gulf of Mexico'
]

/**
 * Nouns for a human being: "a man named Miles", "Swapna, a wheelchair user",
 * "Sakka the deva-king". A name in apposition to one of them is a person's.
 */
export const personNouns = set(`
  man woman men women boy girl child kid teenager teen youth baby person people guy lady gentleman
  student pupil schoolgirl schoolboy user worker employee officer soldier pilot doctor nurse teacher
  professor lawyer judge writer author poet novelist journalist reporter photographer artist painter
  singer musician actor actress director producer filmmaker comedian dancer athlete player coach
  politician senator minister president king queen prince princess emperor empress monk nun priest
  disciple saint god goddess hero heroine protagonist character criminal thief detective agent spy
  scientist researcher engineer programmer entrepreneur founder executive businessman businesswoman
  farmer mother father son daughter wife husband brother sister friend boyfriend girlfriend widow
  orphan neighbour neighbor villager resident citizen refugee immigrant migrant activist economist
  historian philosopher scholar mathematician physicist chemist biologist inventor explorer
  maid servant butler waiter waitress bride groom
`)

/** Titles that name a person by one name ("King Vessavaṇṇa", "Pope Francis", "Saint Jerome"). */
export const mononymTitles = set(
  `King Queen Pope Prince Princess Emperor Empress Saint St. Sultan Pharaoh Tsar Czar Lord Lady Sir Dame Ven. Venerable Justice Judge JUSTICE JUDGE`
)

/** Adjectives of peoples of the past, which no gazetteer of today's countries lists ("Roman mosaics"). */
export const historicalDemonyms = set(`
  Roman Romans Greek Greeks Byzantine Ottoman Persian Persians Aztec Aztecs Mayan Inca Viking Vikings
  Celtic Celt Celts Norman Normans Saxon Saxons Anglo-Saxon Frankish Gothic Hellenic Babylonian
  Assyrian Phoenician Carthaginian Etruscan Egyptian Mesopotamian Mughal Moorish Prussian Soviet
`)

/** Forms a company's name may drop ("Cisco Systems" is "Cisco"); never a division's head ("Mozilla Research"). */
export const companyForms = set(`
  Systems Microsystems Technologies Technology Communications Networks Holdings Industries Enterprises
  Electronics Pharmaceuticals Airlines Airways Motors Inc Inc. Ltd Ltd. LLC plc PLC GmbH AG
`)

/**
 * Institutions that English prose names by a short form no head word or
 * lexicon types: legislatures, seats of government used for the
 * government, intergovernmental bodies, news agencies and outlets named
 * alone, armed and political movements, parties known by one word. General
 * knowledge, by category; never a list of what one document names.
 */
export const knownOrganisations = [
  // Legislatures and courts named alone.
  'Congress',
  'Senate',
  'Parliament',
  'Bundestag',
  'Bundesrat',
  'Knesset',
  'Duma',
  'State Duma',
  'Oireachtas',
  'Dáil',
  'Storting',
  'Riksdag',
  'Folketing',
  'Sejm',
  'Cortes',
  'Lok Sabha',
  'Rajya Sabha',
  'National Assembly',
  'House of Commons',
  'House of Lords',
  'House of Representatives',
  'European Parliament',
  'Holyrood',
  'Stormont',
  // Seats of government, used for the government.
  'Pentagon',
  'Kremlin',
  'White House',
  'Elysée',
  'Élysée',
  'Quai d’Orsay',
  'Whitehall',
  'Foggy Bottom',
  'Zhongnanhai',
  'Blue House',
  'Vatican',
  'Holy See',
  // Agencies and central banks.
  'Federal Reserve',
  'Bundesbank',
  'Bank of England',
  'European Central Bank',
  'Scotland Yard',
  'Mossad',
  'Shin Bet',
  'MI5',
  'MI6',
  'GCHQ',
  'KGB',
  'FSB',
  'Stasi',
  'Gestapo',
  'Secret Service',
  'Border Patrol',
  'Bundeswehr',
  'Wehrmacht',
  'Luftwaffe',
  // Intergovernmental bodies.
  'UN',
  'U.N.',
  'United Nations',
  'UNESCO',
  'UNICEF',
  'UNHCR',
  'WHO',
  'WTO',
  'IMF',
  'OPEC',
  'NATO',
  'EU',
  'E.U.',
  'ASEAN',
  'OECD',
  'OSCE',
  'G7',
  'G20',
  'African Union',
  'Arab League',
  'Interpol',
  'Europol',
  'Frontex',
  'European Commission',
  'European Council',
  'Security Council',
  'General Assembly',
  // News agencies and outlets named alone.
  'Reuters',
  'Associated Press',
  'AP',
  'AFP',
  'Agence France-Presse',
  'Xinhua',
  'TASS',
  'Interfax',
  'Kyodo',
  'Yonhap',
  'Al Jazeera',
  'BBC',
  'CNN',
  'NPR',
  'PBS',
  'MSNBC',
  'CNBC',
  'Fox News',
  'Bloomberg News',
  'Politico',
  'Axios',
  'Vox',
  'Slate',
  'Salon',
  'Vice',
  'BuzzFeed',
  'HuffPost',
  'Breitbart',
  'ProPublica',
  'Le Monde',
  'Le Figaro',
  'Der Spiegel',
  'Die Zeit',
  'El País',
  'Haaretz',
  'Pravda',
  'Izvestia',
  // Armed and political movements.
  'Hamas',
  'Hezbollah',
  'Taliban',
  'al-Qaeda',
  'al-Qaida',
  'Al Qaeda',
  'ISIS',
  'ISIL',
  'Islamic State',
  'Boko Haram',
  'al-Shabab',
  'al-Shabaab',
  'Houthis',
  'Wagner Group',
  'IRA',
  'ETA',
  'FARC',
  'Muslim Brotherhood',
  'Ku Klux Klan',
  'Red Cross',
  'Red Crescent',
  // Parties named by one word.
  'Labour',
  'Tories',
  'Likud',
  'Fidesz',
  'Sinn Féin',
  'Syriza',
  'Podemos',
  'Ennahda',
  'Kuomintang'
]
