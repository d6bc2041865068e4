/**
 * What the text says about a name decides what it is, where no word list
 * knows it. Every sentence here is invented for the rule it checks; none of
 * the names comes from the development set.
 */
import assert from 'node:assert/strict'
import test from 'node:test'
import {discoverSpans, loadRegister, recogniseEntities} from '../src/index.js'
import {article} from './helpers.js'

const empty = loadRegister('[]').register

/** `label (type)` of every entity the article names, with an empty register. */
function named(paragraphs: string[], register = empty): string[] {
  const doc = article('t', paragraphs)
  const {entities, mentions} = recogniseEntities({articles: [doc], sources: []}, register)
  const used = new Set(mentions.map((mention) => mention.entity))
  return entities.filter((entity) => used.has(entity.id)).map((entity) => `${entity.label} (${entity.type})`)
}

test('people by what the text calls them: named, directed by, starring as, apposition, kin, an actor in brackets', () => {
  const found = named([
    'The story follows a woman named Ottoline who keeps waking up on the same Tuesday.',
    'The short was directed by Ravindu Palliyaguru Baby in a single take.',
    'A comedy starring Marguerite Oyelaran as Tibbs, whose birthday never ends.',
    'Later, Quillon, a retired teacher, finds the key in the palace of Zerathi’s mother.',
    'In the remake, Mistral Okonkwo (Hannah Velasquez) wakes in the same motel every morning.'
  ])
  for (const label of ['Ottoline', 'Ravindu Palliyaguru Baby', 'Tibbs', 'Quillon', 'Zerathi', 'Mistral Okonkwo', 'Hannah Velasquez']) {
    assert.ok(found.includes(`${label} (person)`), `${label}: ${found.join(', ')}`)
  }
})

test('a cited author is a person even where a town has the name; a town in a dateline-free sentence stays a town', () => {
  const found = named([
    'Embeddings improved parsing (Vartanyan et al. (2015)) and tagging, as Frome et al. (2013) showed.',
    'The summer games were held in London (2012) and drew large crowds.'
  ])
  assert.ok(found.includes('Vartanyan (person)'), found.join(', '))
  assert.ok(found.includes('Frome (person)'), found.join(', '))
  assert.ok(!found.includes('London (person)'), found.join(', '))
})

test('the bench of an opinion in capitals, and star pagination glued to a name', () => {
  const found = named([
    'Before HALVORSEN and OKAFOR, Associate Judges, and PRZYBYLSKI, Senior Judge.',
    '*1203Teodora M. Vasquez was on the brief for appellant.'
  ])
  for (const label of ['HALVORSEN', 'OKAFOR', 'PRZYBYLSKI', 'Teodora M. Vasquez'])
    assert.ok(found.includes(`${label} (person)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => entry.startsWith('M. Vasquez')), found.join(', '))
})

test('organisations by what the text says: an apposition, a party, a school, an affiliation, a funder', () => {
  const found = named([
    'The ministry banned the group behind the raid — Jund al-Falah, an extremist organization — last spring.',
    'Imre Szabo, the Zöldek MP for Lower Brackwater, said the vote would be close.',
    'You have to be determined to get into Caltech, and the students of Kestrelwick high school know it.',
    'Fighters loyal to the Crimson Banner crossed the border; since 2009, Quorra Ventures has funded dozens of startups.'
  ])
  for (const label of ['Jund al-Falah', 'Zöldek', 'Caltech', 'Kestrelwick high school', 'Crimson Banner', 'Quorra Ventures']) {
    assert.ok(found.includes(`${label} (organisation)`), `${label}: ${found.join(', ')}`)
  }
  assert.ok(found.includes('Lower Brackwater (place)'), found.join(', '))
  assert.ok(!found.some((entry) => entry.startsWith('Jund al-Falah (person')), found.join(', '))
})

test('landmarks and streets are places; a name given to a thing is not the town', () => {
  const found = named(['The envoy stayed in the Western Monastery near the Ashvattha Palace.', 'The browser was first named Denver, then renamed twice.'])
  assert.ok(found.includes('Western Monastery (place)'), found.join(', '))
  assert.ok(found.includes('Ashvattha Palace (place)'), found.join(', '))
  assert.ok(!found.some((entry) => entry.startsWith('Denver')), found.join(', '))
})

test('picture credits are not mentions, registered or discovered', () => {
  const {register} = loadRegister('- id: getty\n  type: organisation\n  label: Getty Images\n')
  const found = named(
    [
      'Protesters gathered outside the assembly on Monday. Photograph: Ingrid Solheim/Getty Images',
      'The square was empty by night. Tomasz Wierzbicki/AFP/Getty Images',
      'Getty Images licenses the photographs to newspapers.'
    ],
    register
  )
  assert.ok(!found.some((entry) => /Solheim|Wierzbicki/.test(entry)), found.join(', '))
  // The register's entity is still found where the text names it.
  assert.ok(found.includes('Getty Images (organisation)'), found.join(', '))
  const creditsOnly = named(['Protesters gathered outside the assembly. Photograph: Ingrid Solheim/Getty Images'], register)
  assert.deepEqual(creditsOnly, [])
  // A photographer and an agency in brackets after the caption's last sentence.
  const bracketed = named(['A student works on a neon sign at the workshop, in 2016. (Jonah Pellworth / Getty Images)'], register)
  assert.deepEqual(bracketed, [])
})

test('a surname or a given name joins a full name of its own article, not of another', () => {
  const doc1 = article('one', ['The singer Marla Houston won the award on Sunday.', 'Houston said she was surprised.'])
  const doc2 = article('two', ['The rocket engineers moved on, but Houston kept its space centre.'])
  const doc3 = article('three', ['Steve Harrowgate founded the firm; Steve Pellworth joined later.', 'Steve Pellworth said Steve was right.'])
  const {entities, mentions} = recogniseEntities({articles: [doc1, doc2, doc3], sources: []}, empty)
  const byId = new Map(entities.map((entity) => [entity.id, entity]))
  const of = (id: string, form: string) =>
    mentions
      .filter((mention) => mention.article === id && [doc1, doc2, doc3].find((doc) => doc.id === id)!.text.slice(mention.start, mention.end) === form)
      .map((mention) => byId.get(mention.entity)!.label)
  assert.deepEqual(of('one', 'Houston'), ['Marla Houston'])
  assert.ok(!of('two', 'Houston').includes('Marla Houston'), of('two', 'Houston').join(', '))
  // "Steve" after "Steve Pellworth" in the same sentence is the nearest Steve before it.
  assert.deepEqual(of('three', 'Steve'), ['Steve Pellworth'])
})

test('name particles and regnal numbers stay inside a person name', () => {
  const found = named([
    'The accord was signed by Friedrich von Reichenau in 1871, and Bernhard von Ilsenfeld wrote about it.',
    'In 1536 Henry VIII broke with the council, while King Wilhelm II visited the city of Hamburg.'
  ])
  for (const label of ['Friedrich von Reichenau', 'Bernhard von Ilsenfeld', 'Henry VIII', 'Wilhelm II'])
    assert.ok(found.includes(`${label} (person)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => /^(?:Reichenau|Ilsenfeld|Henry|Wilhelm) \(/.test(entry)), found.join(', '))
})

test('newspapers: a place before a paper’s head word, heads joined by “and”, “the” and one head; a paper’s short name joins its full name', () => {
  const found = named([
    'The Tulsa Courier backed the mayor; the Leeds Star-Gazette backed her rival.',
    'Jomo Keter, according to a count from the Savannah-based Post and Herald, leads the field.',
    'The Wichita Tribune ran the story first, and the Tribune ran it again on Sunday.'
  ])
  for (const label of ['Tulsa Courier', 'Leeds Star-Gazette', 'Post and Herald', 'Wichita Tribune'])
    assert.ok(found.includes(`${label} (organisation)`), `${label}: ${found.join(', ')}`)
  assert.ok(found.includes('Savannah (place)'), found.join(', '))
  assert.ok(!found.some((entry) => /^(?:Tribune|Savannah-based)/.test(entry)), found.join(', '))
})

test('organisations by who works there or what kind of body they are; a word with a capital inside as a source', () => {
  const found = named([
    'Asked why, said Talia Brennock, managing editor of Prairie Signal Line, the volunteers were tired.',
    'The groups like Unbowed and Kettleworks did not endorse anyone.',
    'Turnout rose sharply, per BrightHollow’s tracker of county results.',
    'The centre-left New Harbour Alliance, which has 40 members, split.'
  ])
  for (const label of ['Prairie Signal Line', 'Unbowed', 'BrightHollow', 'New Harbour Alliance'])
    assert.ok(found.includes(`${label} (organisation)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.includes('Harbour Alliance (organisation)'), found.join(', '))
})

test('a place by apposition; a page locator is no person; a caucus named short joins its full name; a given name cut short joins the full one', () => {
  const found = named([
    'Fighting in Velmora, a remote mountain region of the north, went on for weeks.',
    'The notice ran on Page B9 of the weekend edition.',
    'The Congressional Rural Caucus met on Monday. Later the Rural Caucus voted.',
    'As my colleague Bartholomew Quennell wrote, the numbers moved; Bart thinks they will move again.'
  ])
  assert.ok(found.includes('Velmora (place)'), found.join(', '))
  assert.ok(!found.some((entry) => /^Page B9/.test(entry)), found.join(', '))
  assert.ok(found.includes('Congressional Rural Caucus (organisation)'), found.join(', '))
  assert.ok(!found.includes('Rural Caucus (organisation)'), found.join(', '))
  assert.ok(found.includes('Bartholomew Quennell (person)'), found.join(', '))
  assert.ok(!found.includes('Bart (person)'), found.join(', '))
})

test('credits in other forms: “Credit X/Agency — Agency”, “X/Agency via Agency”', () => {
  const found = named([
    'Peacekeepers at a camp near the border on Monday. Credit Orsolya Vamberi/Agence Presse — Lumen Images',
    'A market reopened after the storm. Kwabena Mensah-Oduro/Pressfoto via Lumen Images'
  ])
  assert.ok(!found.some((entry) => /Vamberi|Mensah|Lumen|Pressfoto|Agence/.test(entry)), found.join(', '))
})

test('institutions named by a short form: legislatures, seats of government, agencies, movements, parties; a given name after a role word', () => {
  const found = named([
    'Congress passed the bill after the Pentagon and the Kremlin traded warnings.',
    'Reuters and Xinhua reported that Hezbollah and the Taliban had met officials of the UN.',
    'Labour and the Tories both voted with the Bundestag delegation.',
    'The film was about the poet Rosalind, and the posthumous Oscar went to someone else.'
  ])
  for (const label of ['Congress', 'Pentagon', 'Kremlin', 'Reuters', 'Xinhua', 'Hezbollah', 'Taliban', 'UN', 'Labour', 'Tories'])
    assert.ok(found.includes(`${label} (organisation)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => entry.startsWith('UN (place')), found.join(', '))
  assert.ok(found.includes('Rosalind (person)'), found.join(', '))
  assert.ok(!found.some((entry) => entry.startsWith('Oscar')), found.join(', '))
})

test('a title inside a run parts the body from the person; “that” after a verb is no determiner', () => {
  const found = named([
    'Assembly Majority Leader Odalys Brennan said the vote would wait.',
    'Quorvex CEO Tamsin Achebe announced the merger, and Polder Police Department Officer Ingram Sola arrived.',
    'The paper reported that Benedikt Szymanowski spoke with the envoy.'
  ])
  for (const label of ['Odalys Brennan', 'Tamsin Achebe', 'Ingram Sola', 'Benedikt Szymanowski'])
    assert.ok(found.includes(`${label} (person)`), `${label}: ${found.join(', ')}`)
  assert.ok(found.includes('Polder Police Department (organisation)'), found.join(', '))
  assert.ok(!found.some((entry) => /Leader|CEO|Officer/.test(entry)), found.join(', '))
})

test('courts named by circuit, people after a plural title, a place after a lower-case geographic noun', () => {
  const found = named([
    'The appeal reached the Eleventh Circuit, which reversed, over a dissent by Justices Okwuosa and Halloran.',
    'The river Vardenne floods every spring.'
  ])
  assert.ok(found.includes('Eleventh Circuit (organisation)'), found.join(', '))
  // A lone surname stays a suggestion, but the plural title types both names of its list.
  const text = 'The appeal failed over a dissent by Justices Okwuosa and Halloran.'
  const spans = discoverSpans(text, [{id: 'p1', start: 0, end: text.length}], [])
  for (const label of ['Okwuosa', 'Halloran'])
    assert.ok(
      spans.some((span) => span.label === label && span.type === 'person'),
      `${label}: ${JSON.stringify(spans)}`
    )
  assert.ok(found.includes('Vardenne (place)'), found.join(', '))
})

test('a town of two words is a place without a cue; a one-word town that is also a word needs one', () => {
  const found = named(['They met at a Santa Clarita wedding, then drove to Reading for the night.'])
  assert.ok(found.includes('Santa Clarita (place)'), found.join(', '))
})

test('teams by who plays for them, publications by who writes for them, “&” inside a name', () => {
  const found = named([
    'Odhiambo played for Harrowgate Athletic and Pellworth before he retired.',
    'She wrote for The Lanternman and The Quill Review, and spoke to The Ledgerwick about it.',
    'The Amos & Greta Varnell Foundation paid for the new wing.'
  ])
  for (const label of ['Harrowgate Athletic', 'Pellworth', 'Lanternman', 'Quill Review', 'Ledgerwick', 'Amos & Greta Varnell Foundation'])
    assert.ok(found.includes(`${label} (organisation)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => entry.includes(' and ')), found.join(', '))
})

test('regions by compass point, district and village heads; a title’s complement is no person; a place opening a sentence keeps its first word', () => {
  const found = named([
    'The strain came from Central Asia to West Africa, then reached Kaltoun District and Isaka Village.',
    'The Prime Minister of Chad, Odessa Marimba Kouyate, closed the border.',
    'Sierra Leone, Mali and Ghana reported cases; aid went to the Government and People of Sierra Leone.'
  ])
  for (const label of ['Central Asia', 'West Africa', 'Kaltoun District', 'Isaka Village', 'Chad', 'Sierra Leone'])
    assert.ok(found.includes(`${label} (place)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => /^(?:Leone|Chad|West Africa|Central Asia) \((?:person|organisation)/.test(entry)), found.join(', '))
})

test('a registered place before a body’s name is part of that name; two organisations joined by “and” stay two', () => {
  const {register} = loadRegister('- id: us\n  type: place\n  label: United States\n  aliases: [U.S.]\n')
  const found = named(['Officials asked the U.S. Bureau of Fisheries and Tides for approval, funded by the Marlow Institute and Harwick University.'], register)
  assert.ok(!found.includes('United States (place)'), found.join(', '))
  for (const label of ['U.S. Bureau of Fisheries and Tides', 'Marlow Institute', 'Harwick University'])
    assert.ok(found.includes(`${label} (organisation)`), `${label}: ${found.join(', ')}`)
})

test('a town of a country the article names is that town; a small town only where the text says it is a place', () => {
  const found = named([
    'Cases rose in Guinea, in four districts: Macenta, Nzerekore and Kissidougou.',
    'A second cluster appeared near Dubréka, and Reading stayed calm.'
  ])
  for (const label of ['Guinea', 'Macenta', 'Nzerekore', 'Kissidougou', 'Dubréka'])
    assert.ok(found.includes(`${label} (place)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => entry.startsWith('Reading')), found.join(', '))
})

test('the bench as opinions name it: “MR. JUSTICE X”, “(X, J., dissenting)”, “Mr. Justice X”; a party’s role before a full name', () => {
  const text =
    'MR. JUSTICE HALVARD, with whom MR. JUSTICE OSTROM joins. See Pell v. Dorne (Quarrington, J., dissenting), and as Mr. Justice Vantongeren said. Appellant Jonah Mitchell Abernathy was convicted.'
  const spans = discoverSpans(text, [{id: 'p1', start: 0, end: text.length}], [])
  for (const label of ['HALVARD', 'OSTROM', 'Quarrington', 'Vantongeren', 'Jonah Mitchell Abernathy'])
    assert.ok(
      spans.some((span) => span.label === label && span.type === 'person' && span.score >= 3),
      `${label}: ${JSON.stringify(spans)}`
    )
  assert.ok(!spans.some((span) => /Appellant|JUSTICE/.test(span.label)), JSON.stringify(spans))
})

test('a law named after a place is no place', () => {
  const found = named(['He was charged under the District of Columbia Uniform Firearms Act last year.'])
  assert.ok(!found.some((entry) => entry.includes('Act')), found.join(', '))
})

test('areas by the lower-case noun the text gives them: “X province”, “X and Y counties”, “districts (A, B and C)”', () => {
  const found = named([
    'In Varnesia, the fever was reported in Oltaru and Pemzik counties in April, and two people in Quenzo province died.',
    'In June, three new districts (Malvoti, Druzhen and Terekaya) reported cases, and the Fenwick district stayed calm.'
  ])
  for (const label of ['Oltaru', 'Pemzik', 'Quenzo', 'Malvoti', 'Druzhen', 'Terekaya', 'Fenwick'])
    assert.ok(found.includes(`${label} (place)`), `${label}: ${found.join(', ')}`)
  // An everyday word before such a noun is no name: "the Justice district" is not a place called Justice.
  assert.ok(!named(['She walked through the Justice district at night.']).some((entry) => entry.startsWith('Justice')))
})

test('a place named without the kind of area it is joins its full name', () => {
  const found = named(['The first case was in the Oltaru District, in the north of Varnesia. In May the border with Oltaru was closed.'])
  assert.ok(found.includes('Oltaru District (place)'), found.join(', '))
  assert.ok(!found.includes('Oltaru (place)'), found.join(', '))
})

test('streets and squares written as one compound word, and a city quarter', () => {
  const found = named([
    'Three streets in the Lindenau Quarter — Brunnerallee, Kestelplatz and Vormannstrasse — are to be renamed.',
    'Brunnerallee will become Ida-Oberlin-Allee, and Kestelplatz the Marta-Wenz-Platz.'
  ])
  for (const label of ['Lindenau Quarter', 'Brunnerallee', 'Kestelplatz', 'Vormannstrasse', 'Ida-Oberlin-Allee', 'Marta-Wenz-Platz'])
    assert.ok(found.includes(`${label} (place)`), `${label}: ${found.join(', ')}`)
})

test('a list item after “the” shares the list’s type; a tribe or nation with a name is an organisation', () => {
  const found = named([
    'The empire was small beside those of other powers, including Brevonia, France, the Netherlands and Spain.',
    'The commission awarded nothing to the Quillamet Tribe at first.'
  ])
  assert.ok(found.includes('Brevonia (place)'), found.join(', '))
  assert.ok(found.includes('Quillamet Tribe (organisation)'), found.join(', '))
})

test('a body by the lower-case kind before its name, an apposition with a possessive, a head word that comes first, a category acronym peeled', () => {
  const found = named([
    'The figures were first published by state agency KPZ on Monday, and the journal Meridiana printed them.',
    'In July, Skyvale Orbis, Tarnland’s main airline, stopped its flights.',
    'Samples were sent to the Institut Vormenhof, where the result was confirmed.',
    'According to the director of NGO Lumen Partners Worldwide in the region, the clinics were full.'
  ])
  for (const label of ['KPZ', 'Meridiana', 'Skyvale Orbis', 'Institut Vormenhof', 'Lumen Partners Worldwide'])
    assert.ok(found.includes(`${label} (organisation)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => entry.startsWith('NGO')), found.join(', '))
})

test('a title right before a name makes its words names, even dictionary words; a title’s complement does not', () => {
  const found = named(['On Monday, President Harsh Velloran spoke to the press.', 'He was appointed Secretary of State for Colonial Affairs in 1907.'])
  assert.ok(found.includes('Harsh Velloran (person)'), found.join(', '))
  assert.ok(!found.some((entry) => entry.startsWith('Colonial Affairs')), found.join(', '))
})

test('an acronym that is told something, quoted or has its seat or staff named is a body; a bare acronym stays a suggestion', () => {
  const found = named([
    '“Nothing has changed,” the spokesman told KRZ on Friday, and according to KRZ the talks resume soon.',
    'The VQN model was trained for a week; the VQN then beat the baseline.',
    'Protesters occupied the TLB headquarters for a week.'
  ])
  assert.ok(found.includes('KRZ (organisation)'), found.join(', '))
  assert.ok(found.includes('TLB (organisation)'), found.join(', '))
  assert.ok(!found.some((entry) => entry.startsWith('VQN')), found.join(', '))
})

test('a country is one entity whatever name the text gives it; a country is no plural demonym; compass and colonial regions', () => {
  const found = named([
    'Trade with the People’s Republic of Bangladesh grew, and by May Bangladesh had doubled its exports.',
    'In March the Philippines recalled its envoy.',
    'The plan covered Northern and Western Europe, and the old maps still show Portuguese East Africa.'
  ])
  const bangladesh = found.filter((entry) => entry.includes('Bangladesh'))
  assert.equal(bangladesh.length, 1, found.join(', '))
  for (const label of ['Philippines', 'Northern and Western Europe', 'Portuguese East Africa'])
    assert.ok(found.includes(`${label} (place)`), `${label}: ${found.join(', ')}`)
})

test('a country named by another of its names joins the registered country', () => {
  const {register} = loadRegister('- id: myanmar\n  type: place\n  label: Myanmar\n')
  const doc = article('t', ['Older maps still call the country Burma, and the envoys met on Monday.'])
  const {entities, mentions} = recogniseEntities({articles: [doc], sources: []}, register)
  assert.deepEqual(
    mentions.map((mention) => [doc.text.slice(mention.start, mention.end), mention.entity]),
    [['Burma', 'myanmar']]
  )
  assert.deepEqual(
    entities.map((entity) => entity.id),
    ['myanmar']
  )
})

test('two bodies joined by “and”, a body with its site, a nationality and a title’s word, a spelled-out acronym', () => {
  const found = named([
    'The Tarnland Ministry of Fisheries and Northern Relief Organization announced a joint plan.',
    'He was flown to the Vellmar Medical Center Hamburg-Altona on Monday.',
    'On Friday, the Senegalese Finance minister, Oumar Ndaw, resigned.',
    'Attempts to compute a reliable Harbour Loss Ratio (HLR) failed.'
  ])
  for (const label of ['Tarnland Ministry of Fisheries', 'Northern Relief Organization', 'Vellmar Medical Center Hamburg-Altona'])
    assert.ok(found.includes(`${label} (organisation)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => /Senegalese/.test(entry)), found.join(', '))
  assert.ok(!found.includes('Harbour Loss Ratio (person)'), found.join(', '))
})

test('a discovered name in British and in American spelling is one entity', () => {
  const found = named(['The Tarnland Relief Organization said so on Monday. Later the Tarnland Relief Organisation denied it.'])
  assert.deepEqual(
    found.filter((entry) => entry.includes('Relief')),
    ['Tarnland Relief Organization (organisation)']
  )
})

test('what one writes code in is a product; the first of two names sharing a plural head is no person', () => {
  const found = named(['Claims were made in the Pacific (Harold and Vantor Islands, Samoa) and elsewhere.'])
  const text = 'Even if you don’t write Zorvex, the idea carries over to code written in Zorvex.'
  const spans = discoverSpans(text, [{id: 'p1', start: 0, end: text.length}], [])
  assert.equal(spans.filter((span) => span.label === 'Zorvex' && span.product).length, 2, JSON.stringify(spans))
  assert.ok(!found.includes('Harold (person)'), found.join(', '))
})

test('buildings and sites by their head: courthouse, air base, stadium, airport', () => {
  const found = named(['He was seen in the Harlow County Courthouse in March and flown from Vennick Air Force Base to Dunmore Airport.'])
  for (const label of ['Harlow County Courthouse', 'Vennick Air Force Base', 'Dunmore Airport'])
    assert.ok(found.includes(`${label} (place)`), `${label}: ${found.join(', ')}`)
})

test('a registered body followed by “of” and a place names that place’s own body', () => {
  const {register} = loadRegister(`
- id: high-court
  type: organisation
  label: High Court
- id: civil-union
  type: organisation
  label: Civil Liberties League
`)
  const found = named(
    [
      'The High Court of California declined review, and the High Court heard the appeal.',
      'Counsel came from the Civil Liberties League of Northern California.'
    ],
    register
  )
  assert.ok(found.includes('High Court of California (organisation)'), found.join(', '))
  assert.ok(found.includes('Civil Liberties League of Northern California (organisation)'), found.join(', '))
  assert.ok(found.includes('High Court (organisation)'), found.join(', '))
})

test('a word before a body’s head and its complement at the start of a line is part of the name', () => {
  const found = named(['Supreme Tribunal of Tarnland.', 'The ruling was read out on Monday.'])
  assert.ok(found.includes('Supreme Tribunal of Tarnland (organisation)'), found.join(', '))
})

test('the maker of a work: “Keats’ poems”, “Donne’s sermons”, “a Vermeer painting”', () => {
  const found = named(['The law protects them as fully as Tennyson’s poems or Milton’s sermons, and the museum sold its Rembrandt painting.'])
  for (const label of ['Tennyson', 'Milton', 'Rembrandt']) assert.ok(found.includes(`${label} (person)`), `${label}: ${found.join(', ')}`)
})

test('a “See also” or “External links” list after the article is not the article: its names are not mentions', () => {
  const found = named([
    'The company was founded by Odile Marchetti Vance in Lyon.',
    'See also[edit]',
    'Interview with Bertrand Kowalczyk Ferreira, founder of Quillmark Institute',
    'External links',
    'Official site of the Harwick Foundation'
  ])
  assert.ok(found.includes('Odile Marchetti Vance (person)'), found.join(', '))
  assert.ok(!found.some((entry) => /Kowalczyk|Quillmark|Harwick/.test(entry)), found.join(', '))
  // A hatnote ("See also: X") and a table of contents line ("6 See also") open no list.
  const kept = named(['See also: the Harwick Foundation', '6 See also', 'It was founded by Odile Marchetti Vance in Lyon.'])
  assert.ok(kept.includes('Odile Marchetti Vance (person)'), kept.join(', '))
})

test('names alone on lines of a list are mentions; one name alone on a line is not', () => {
  const found = named(['Known members', 'Ottilie Varnhagen[3]', 'Brisco Tellenfeld[4][5]', 'Margaret Quillon', 'The club met every Tuesday.'])
  for (const label of ['Ottilie Varnhagen', 'Margaret Quillon']) assert.ok(found.includes(`${label} (person)`), `${label}: ${found.join(', ')}`)
  const alone = named(['Margaret Quillon', 'The club met every Tuesday in the old hall.'])
  assert.ok(!alone.some((entry) => entry.startsWith('Margaret')), alone.join(', '))
})

test('a person’s title right before one name makes it a person; not an idiom, a quoted title or a work’s name', () => {
  const found = named([
    'In 1971, President Okonkwo-Ferris announced the doctrine, and Senator Vallance objected.',
    'A comedy about finding Ms. Right won, and “Mrs Quennell” actress Odile Marchetti Vance thanked The Curious Mr Harbottle cast.'
  ])
  for (const label of ['Okonkwo-Ferris', 'Vallance']) assert.ok(found.includes(`${label} (person)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => /^(?:Right|Quennell|Harbottle) /.test(entry)), found.join(', '))
})

test('an everyday noun in title case before two unknown words parts a role from the person', () => {
  const found = named([
    'The footage shows Vellmark Groundskeeper Oswin Pruitt closing the gate.',
    'The Commissioner for Maritime Relief and Crisis Response Idrena Vaskova said so.'
  ])
  for (const label of ['Oswin Pruitt', 'Idrena Vaskova']) assert.ok(found.includes(`${label} (person)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => entry.startsWith('Vellmark')), found.join(', '))
})

test('an adjective made of a name is no mention of it', () => {
  const text = 'Aid reached the Varnesia-affected districts and a few Tarnland-era buildings.'
  const spans = discoverSpans(text, [{id: 'p1', start: 0, end: text.length}], [])
  assert.ok(!spans.some((span) => /-(?:affected|era)$/.test(span.label)), JSON.stringify(spans))
})

test('a name set off by commas after a title is a person', () => {
  const found = named(['The Union Fisheries Minister, Harsh Velloran, issued a statement on Monday.'])
  assert.ok(found.includes('Harsh Velloran (person)'), found.join(', '))
})

test('oceans and seas are places; an adjective of a sea is not', () => {
  const found = named(['Claims were made in the Pacific and along the North Sea, far from the sunny Mediterranean beaches of Tarnland.'])
  for (const label of ['Pacific', 'North Sea']) assert.ok(found.includes(`${label} (place)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => entry.startsWith('Mediterranean')), found.join(', '))
})

test('a body or a place named after a person confirms the person: its first word is no product', () => {
  const found = named([
    'The reformer Lala Orvind Kesath spoke at the hall, and Lala Demir Vosk chaired the meeting.',
    'The Lala Orvind Kesath Memorial Park and the Lala Orvind Kesath College carry his name.'
  ])
  for (const label of ['Lala Orvind Kesath', 'Lala Demir Vosk']) assert.ok(found.includes(`${label} (person)`), `${label}: ${found.join(', ')}`)
})

test('a registered place inside a longer name the register does not know is part of that name', () => {
  const register = loadRegister(
    JSON.stringify([
      {id: 'tarnland', type: 'place', label: 'Tarnland'},
      {id: 'vellmark', type: 'place', label: 'Vellmark'}
    ])
  ).register
  const found = named(
    [
      'She studied at the University of Tarnland before the war.',
      'He testified before the Vellmark House Committee on River Affairs in spring.',
      'Both later moved to Vellmark for good.'
    ],
    register
  )
  assert.ok(found.includes('University of Tarnland (organisation)'), found.join(', '))
  assert.ok(found.includes('Vellmark House Committee on River Affairs (organisation)'), found.join(', '))
  assert.ok(!found.includes('Tarnland (place)'), found.join(', '))
  assert.ok(found.includes('Vellmark (place)'), found.join(', '))
})

test('an acronym’s expansion that names a post or a thing of everyday words is no organisation', () => {
  const found = named([
    'Each agency must name a Senior Records Official for Archives (SROA) and a Chief Data Officer (CDO).',
    'Vendors expose Remote Programming Interfaces (RPIs) and must mark Uncontrolled Survey Information (USI) before release.',
    'The Tarnland Fisheries Agency (TFA) and the Office of Coastal Surveys (OCS) agreed; TFA and OCS signed.'
  ])
  for (const label of ['Tarnland Fisheries Agency', 'Office of Coastal Surveys'])
    assert.ok(found.includes(`${label} (organisation)`), `${label}: ${found.join(', ')}`)
  assert.ok(!found.some((entry) => /Official|Officer|Interfaces|Information|SROA|CDO|RPI|USI/.test(entry)), found.join(', '))
})

test('a video credit in brackets and a byline name over a role line are not mentions', () => {
  const found = named([
    'A long story about boats begins here, as they always do.',
    'Rachel Olvij',
    'Contributing Correspondent',
    'The clip shows the harbour at dawn. (Video by Pellam Strout)',
    'Odile Varnak told the crew to wait.'
  ])
  assert.ok(found.includes('Odile Varnak (person)'), found.join(', '))
  assert.ok(!found.some((entry) => /Olvij|Strout/.test(entry)), found.join(', '))
})

test('an honorific printed as part of a name stays in it; a title of office does not', () => {
  const found = named([
    'The inquiry was headed by Sir Roland Pikeworth, and Pandit Vireshwar Lalan spoke for the trust.',
    'Swami Anandra Vellup wrote to Dr. Marisa Quellen the same week.'
  ])
  for (const label of ['Sir Roland Pikeworth', 'Pandit Vireshwar Lalan', 'Swami Anandra Vellup', 'Marisa Quellen'])
    assert.ok(found.includes(`${label} (person)`), `${label}: ${found.join(', ')}`)
})

test('halls, gates, buildings, markets and chowks are places', () => {
  const found = named([
    'The college met in Quillmoor Hall until the fire, then moved near Varnesh Gate.',
    'Offices filled the Tarrow Building, and stalls lined the Orvint Market beside Kesath Chowk.'
  ])
  for (const label of ['Quillmoor Hall', 'Varnesh Gate', 'Tarrow Building', 'Orvint Market', 'Kesath Chowk'])
    assert.ok(found.includes(`${label} (place)`), `${label}: ${found.join(', ')}`)
})

test('a registered body after another body’s head and “of” is part of that name', () => {
  const register = loadRegister(
    JSON.stringify([{id: 'vellmark-parliament', type: 'organisation', label: 'Vellmark Parliament', aliases: ['Parliament']}])
  ).register
  const found = named(['She found the letters in the stacks of the Library of Parliament last spring.'], register)
  assert.ok(found.includes('Library of Parliament (organisation)'), found.join(', '))
  assert.ok(!found.includes('Vellmark Parliament (organisation)'), found.join(', '))
})

test('a citation’s abbreviations between a volume and a page name no one', () => {
  const found = named([
    'See Orla Penhaligon, Rivers and Rights, 12 Tarn. L. Rev. 301 (2019); accord 44 Vell. L. Rev. 17, 19 (2020).',
    'Orla Penhaligon later wrote a second article.'
  ])
  assert.ok(found.includes('Orla Penhaligon (person)'), found.join(', '))
  assert.ok(!found.some((entry) => /Rev/.test(entry)), found.join(', '))
})

test('a person’s usual name with one more word after it is that person', () => {
  const found = named([
    'In 1903 the weekly was launched by Orvind Kesath Mehrau in Dalhousie.',
    'Later Orvind Kesath moved the paper north, and Orvind Kesath wrote most of it himself.'
  ])
  assert.ok(found.includes('Orvind Kesath (person)'), found.join(', '))
  assert.ok(!found.includes('Orvind Kesath Mehrau (person)'), found.join(', '))
})

test('a university’s campus named by its city after a comma is part of its name', () => {
  const found = named(['She later taught at the University of Tarnland, Boston for a decade.'])
  assert.ok(found.includes('University of Tarnland, Boston (organisation)'), found.join(', '))
  assert.ok(!found.includes('Boston (place)'), found.join(', '))
})
