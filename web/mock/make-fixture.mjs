// Builds mock/fixture.json: ~40 fictional, news-style events with mentions
// whose evidence spans are UTF-8 BYTE offsets into the (imagined) document,
// exactly as the real API reports them. Run: node mock/make-fixture.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bytes = (s) => Buffer.byteLength(s, 'utf8');

// Places: name, lat, lon, country (ISO3), admin1, geonames id, precision.
const P = {
  stepanakert: ['Stepanakert', 39.8153, 46.7519, 'AZE', 'Nagorno-Karabakh', 174972, 'city'],
  ganja: ['Gəncə', 40.6828, 46.3606, 'AZE', 'Ganja', 586523, 'city'],
  tartar: ['Tərtər', 40.3418, 46.9324, 'AZE', 'Tartar', 585170, 'city'],
  shusha: ['Şuşa', 39.7583, 46.7484, 'AZE', 'Shusha', 585557, 'city'],
  yerevan: ['Yerevan', 40.1811, 44.5136, 'ARM', 'Yerevan', 616052, 'city'],
  moscow: ['Moskou', 55.7522, 37.6156, 'RUS', 'Moscow', 524901, 'city'],
  petersburg: ['Sint-Petersburg', 59.9386, 30.3141, 'RUS', 'St.-Petersburg', 498817, 'city'],
  minsk: ['Minsk', 53.9, 27.5667, 'BLR', 'Minsk City', 625144, 'city'],
  kyiv: ['Kyiv', 50.4547, 30.5238, 'UKR', 'Kyiv City', 703448, 'city'],
  donetsk: ['Donetsk', 48.023, 37.8022, 'UKR', 'Donetsk', 709717, 'city'],
  avdiivka: ['Avdiivka', 48.1394, 37.7497, 'UKR', 'Donetsk', 713174, 'city'],
  amsterdam: ['Amsterdam', 52.374, 4.8897, 'NLD', 'Noord-Holland', 2759794, 'city'],
  eindhoven: ['Eindhoven', 51.4408, 5.4778, 'NLD', 'Noord-Brabant', 2756253, 'city'],
  rotterdam: ['Rotterdam', 51.9225, 4.4792, 'NLD', 'Zuid-Holland', 2747891, 'city'],
  denhaag: ['Den Haag', 52.0767, 4.2986, 'NLD', 'Zuid-Holland', 2747373, 'city'],
  urk: ['Urk', 52.6625, 5.6014, 'NLD', 'Flevoland', 2745817, 'city'],
  bamako: ['Bamako', 12.65, -8.0, 'MLI', 'Bamako', 2460596, 'city'],
  mopti: ['Mopti', 14.4843, -4.1827, 'MLI', 'Mopti', 2453348, 'city'],
  khartoum: ['Khartoum', 15.5518, 32.5324, 'SDN', 'Khartoum', 379252, 'city'],
  elgeneina: ['El Geneina', 13.4517, 22.4471, 'SDN', 'West Darfur', 379303, 'city'],
  mekelle: ['Mekelle', 13.4967, 39.4753, 'ETH', 'Tigray', 331180, 'city'],
  humera: ['Humera', 14.2833, 36.6, 'ETH', 'Tigray', 336454, 'city'],
  lagos: ['Lagos', 6.4541, 3.3947, 'NGA', 'Lagos', 2332459, 'city'],
  abuja: ['Abuja', 9.0579, 7.4951, 'NGA', 'FCT', 2352778, 'city'],
  yangon: ['Yangon', 16.8053, 96.1561, 'MMR', 'Yangon', 1298824, 'city'],
  mandalay: ['Mandalay', 21.9747, 96.0836, 'MMR', 'Mandalay', 1311874, 'city'],
  suva: ['Suva', -18.1416, 178.4419, 'FJI', 'Central', 2198148, 'city'],
  labasa: ['Labasa', -16.4167, 179.3833, 'FJI', 'Northern', 2203211, 'city'],
  bogota: ['Bogotá', 4.6097, -74.0817, 'COL', 'Bogotá D.C.', 3688689, 'city'],
  cauca: ['Cauca', 2.5, -76.8333, 'COL', 'Cauca', 3687029, 'admin1'],
  beiroet: ['Beiroet', 33.8933, 35.5016, 'LBN', 'Beirut', 276781, 'city'],
  gaza: ['Gaza', 31.5017, 34.4668, 'PSE', 'Gaza Strip', 281133, 'city'],
};

const loc = (key, inferred = false, text) => {
  const [name, lat, lon, country, admin1, geonames_id, precision] = P[key];
  return { name, text: text ?? name, geonames_id, lat, lon, country, admin1, precision, inferred };
};
const actor = (text, code, country, sector) => ({ text, code, country, sector });

// A: actor shorthands (codes in CAMEO style).
const A = {
  armmil: actor('Armeense strijdkrachten', 'ARMMIL', 'ARM', 'MIL'),
  armmilEn: actor('Armenian forces', 'ARMMIL', 'ARM', 'MIL'),
  azemil: actor('Azerbeidzjaanse leger', 'AZEMIL', 'AZE', 'MIL'),
  azemilEn: actor('Azerbaijani army', 'AZEMIL', 'AZE', 'MIL'),
  azeciv: actor('burgers', 'AZECVL', 'AZE', 'CVL'),
  armciv: actor('inwoners', 'ARMCVL', 'ARM', 'CVL'),
  armgov: actor('premier Pasjinjan', 'ARMGOV', 'ARM', 'GOV'),
  armopp: actor('demonstranten', 'ARMOPP', 'ARM', 'OPP'),
  rusgov: actor('het Kremlin', 'RUSGOV', 'RUS', 'GOV'),
  rusgovEn: actor('Russian government', 'RUSGOV', 'RUS', 'GOV'),
  ruscop: actor('de oproerpolitie', 'RUSCOP', 'RUS', 'COP'),
  rusopp: actor('aanhangers van Navalny', 'RUSOPP', 'RUS', 'OPP'),
  blrcop: actor('OMON-agenten', 'BLRCOP', 'BLR', 'COP'),
  blropp: actor('demonstranten', 'BLROPP', 'BLR', 'OPP'),
  blrgov: actor('Loekasjenko', 'BLRGOV', 'BLR', 'GOV'),
  eu: actor('de Europese Unie', 'IGOEU', null, 'IGO'),
  euEn: actor('the European Union', 'IGOEU', null, 'IGO'),
  ukrmil: actor('Oekraïense militairen', 'UKRMIL', 'UKR', 'MIL'),
  ukrmilEn: actor('Ukrainian soldiers', 'UKRMIL', 'UKR', 'MIL'),
  ukrreb: actor('separatisten', 'UKRREB', 'UKR', 'REB'),
  ukrrebEn: actor('separatist fighters', 'UKRREB', 'UKR', 'REB'),
  nldcop: actor('de ME', 'NLDCOP', 'NLD', 'COP'),
  nldopp: actor('relschoppers', 'NLDOPP', 'NLD', 'OPP'),
  nldgov: actor('het kabinet', 'NLDGOV', 'NLD', 'GOV'),
  nldagr: actor('boeren', 'NLDAGR', 'NLD', 'AGR'),
  mlimil: actor('Malinese leger', 'MLIMIL', 'MLI', 'MIL'),
  mlireb: actor('jihadisten', 'MLIREB', 'MLI', 'REB'),
  mliciv: actor('dorpelingen', 'MLICVL', 'MLI', 'CVL'),
  sdnmil: actor('Sudanese security forces', 'SDNMIL', 'SDN', 'MIL'),
  sdnopp: actor('protesters', 'SDNOPP', 'SDN', 'OPP'),
  sdnreb: actor('gewapende Janjaweed-milities', 'SDNREB', 'SDN', 'REB'),
  sdnciv: actor('ontheemden', 'SDNCVL', 'SDN', 'CVL'),
  ethmil: actor('Ethiopian federal troops', 'ETHMIL', 'ETH', 'MIL'),
  ethreb: actor('TPLF', 'ETHREB', 'ETH', 'REB'),
  ethciv: actor('civilians', 'ETHCVL', 'ETH', 'CVL'),
  ngacop: actor('soldiers', 'NGAMIL', 'NGA', 'MIL'),
  ngaopp: actor('#EndSARS protesters', 'NGAOPP', 'NGA', 'OPP'),
  ngagov: actor('President Buhari', 'NGAGOV', 'NGA', 'GOV'),
  mmrmil: actor('the Tatmadaw', 'MMRMIL', 'MMR', 'MIL'),
  mmropp: actor('demonstranten', 'MMROPP', 'MMR', 'OPP'),
  mmrgov: actor('Aung San Suu Kyi', 'MMRGOV', 'MMR', 'GOV'),
  usa: actor('Washington', 'USAGOV', 'USA', 'GOV'),
  fjigov: actor('Fijian government', 'FJIGOV', 'FJI', 'GOV'),
  fjiopp: actor('vakbondsleden', 'FJILAB', 'FJI', 'LAB'),
  fjiaid: actor('Nieuw-Zeeland', 'NZLGOV', 'NZL', 'GOV'),
  colmil: actor('Colombiaanse leger', 'COLMIL', 'COL', 'MIL'),
  colreb: actor('ELN-rebellen', 'COLREB', 'COL', 'REB'),
  colcop: actor('ESMAD riot police', 'COLCOP', 'COL', 'COP'),
  colopp: actor('students', 'COLOPP', 'COL', 'OPP'),
  lbnopp: actor('betogers', 'LBNOPP', 'LBN', 'OPP'),
  lbngov: actor('de regering', 'LBNGOV', 'LBN', 'GOV'),
  isrmil: actor('Israëlische leger', 'ISRMIL', 'ISR', 'MIL'),
  hamas: actor('Hamas', 'PSEREB', 'PSE', 'REB'),
  un: actor('de VN', 'IGOUNO', null, 'IGO'),
  unEn: actor('the UN', 'IGOUNO', null, 'IGO'),
};

const CAMEO = {
  '190': [-10, 4], '193': [-10, 4], '195': [-10, 4], '1823': [-9, 4], '145': [-7.5, 4],
  '141': [-6.5, 3], '173': [-5, 4], '111': [-2, 3], '112': [-2, 3], '040': [1, 1], '036': [4, 1],
  '057': [8, 1], '163': [-8, 4], '070': [7, 2], '073': [7.4, 2], '138': [-7, 3], '150': [-7.2, 4],
  '1724': [-7, 4], '014': [0, 1], '160': [-4, 4], '080': [5, 2],
};

// m(lang, docDate, source, title, sentence, spans{role: phrase}, extra)
const m = (lang, doc_date, doc_source, doc_title, sentence, spans, extra = {}) =>
  ({ lang, doc_date, doc_source, doc_title, sentence, spans, ...extra });
const F = (killed, injured = null, civilians = false, extra = {}) =>
  ({ killed, injured, civilians, cumulative_killed: null, vague: false, ...extra });

// ev(date, precision, derived, type, mode, cameo, place, source, target, fatalities, mentions)
const E = [];
const ev = (date, precision, derived_from, type, mode, cameo, location, source, target, fatalities, mentions, confidence = 0.8) =>
  E.push({ date, precision, derived_from, type, mode, cameo, location, source, target, fatalities, mentions, confidence });

// --- Nagorno-Karabakh, autumn 2020 -------------------------------------------------
ev('2020-09-27', 'day', 'relative: "zondagochtend" + document date 2020-09-28', 'ASSAULT', 'aerial', '195', loc('stepanakert'), A.azemil, A.armciv, F(26, null, false, { cumulative_killed: 89 }), [
  m('nl', '2020-09-28', 'samples/nl/nrc-2020-09-28-karabach.txt', 'Zware gevechten in Nagorno-Karabach',
    'Bij beschietingen door het Azerbeidzjaanse leger op Stepanakert zijn zondagochtend 26 mensen omgekomen, meldt Jerevan.',
    { source: 'Azerbeidzjaanse leger', trigger: 'beschietingen', place: 'Stepanakert', date: 'zondagochtend', casualties: '26 mensen omgekomen' }),
  m('en', '2020-09-28', 'samples/en/wire-2020-09-28-karabakh.txt', 'Fighting erupts over Nagorno-Karabakh',
    'Armenian officials said 26 people were killed on Sunday when the Azerbaijani army shelled Stepanakert, the region’s capital.',
    { source: 'Azerbaijani army', trigger: 'shelled', place: 'Stepanakert', date: 'on Sunday', casualties: '26 people were killed' }),
  m('nl', '2020-09-29', 'samples/nl/volkskrant-2020-09-29.txt', 'Karabach: dodental loopt op',
    'Het dodental van de beschietingen op Stepanakert van zondag is volgens Armeense bronnen opgelopen tot 89.',
    { trigger: 'beschietingen', place: 'Stepanakert', date: 'zondag', casualties: 'opgelopen tot 89' }, { historical: true }),
]);
ev('2020-09-29', 'day', 'document date', 'ASSAULT', 'firearms', '190', loc('tartar'), A.armmil, A.azeciv, F(4, 10, true), [
  m('nl', '2020-09-29', 'samples/nl/trouw-2020-09-29.txt', 'Burgerdoden in Tərtər',
    'Armeense strijdkrachten hebben dinsdag Tərtər onder vuur genomen; daarbij kwamen vier burgers om en raakten er tien gewond.',
    { source: 'Armeense strijdkrachten', trigger: 'onder vuur genomen', place: 'Tərtər', date: 'dinsdag', casualties: 'vier burgers om', target: 'burgers' }),
]);
ev('2020-10-04', 'day', 'explicit date in sentence', 'ASSAULT', 'aerial', '195', loc('ganja'), A.armmilEn, A.azeciv, F(1, 32, true), [
  m('en', '2020-10-04', 'samples/en/wire-2020-10-04-ganja.txt', 'Missiles hit Ganja',
    'On 4 October Armenian forces fired rockets at Gəncə, Azerbaijan’s second city, killing one civilian and wounding 32, Baku said.',
    { date: 'On 4 October', source: 'Armenian forces', trigger: 'fired rockets', place: 'Gəncə', casualties: 'killing one civilian' }),
  m('nl', '2020-10-05', 'samples/nl/nos-2020-10-05.txt', 'Raketten op Gəncə',
    'Bij de raketaanval op Gəncə van zondag kwam één burger om het leven, zegt Bakoe.',
    { trigger: 'raketaanval', place: 'Gəncə', date: 'zondag', casualties: 'één burger om het leven' }),
]);
ev('2020-10-10', 'day', 'document date', 'AGREE', 'ceasefire', '057', loc('moscow'), A.armgov, A.azemil, null, [
  m('nl', '2020-10-10', 'samples/nl/nrc-2020-10-10.txt', 'Bestand in Moskou',
    'Armenië en Azerbeidzjan zijn na elf uur praten in Moskou een humanitair bestand overeengekomen, zei minister Lavrov zaterdag.',
    { source: 'Armenië', target: 'Azerbeidzjan', trigger: 'bestand overeengekomen', place: 'Moskou', date: 'zaterdag' }),
]);
ev('2020-10-17', 'day', 'relative: "in de nacht van vrijdag op zaterdag"', 'ASSAULT', 'aerial', '195', loc('ganja'), A.armmil, A.azeciv, F(13, 50, true), [
  m('nl', '2020-10-17', 'samples/nl/ad-2020-10-17.txt', 'Opnieuw doden in Gəncə',
    'In de nacht van vrijdag op zaterdag zijn in Gəncə dertien burgers gedood bij een raketinslag in een woonwijk, aldus Azerbeidzjan.',
    { date: 'In de nacht van vrijdag op zaterdag', place: 'Gəncə', casualties: 'dertien burgers gedood', trigger: 'raketinslag' }),
]);
ev('2020-10-28', 'day', 'document date', 'ASSAULT', 'aerial', '195', loc('yerevan', true, 'Armenië'), A.azemil, A.armciv, null, [
  m('nl', '2020-10-28', 'samples/nl/nos-2020-10-28.txt', 'Drones boven Armenië',
    'Armenië beschuldigt het Azerbeidzjaanse leger ervan woensdag met drones doelen op Armeens grondgebied te hebben aangevallen.',
    { source: 'Azerbeidzjaanse leger', trigger: 'aangevallen', date: 'woensdag', place: 'Armeens grondgebied' }),
], 0.55);
ev('2020-11-08', 'day', 'explicit date in sentence', 'COERCE', 'seize', '1724', loc('shusha'), A.azemil, A.armmil, null, [
  m('en', '2020-11-08', 'samples/en/wire-2020-11-08-shusha.txt', 'Aliyev claims Shusha',
    'President Aliyev said on 8 November that the Azerbaijani army had taken control of Şuşa after days of fierce fighting.',
    { date: 'on 8 November', source: 'Azerbaijani army', trigger: 'taken control', place: 'Şuşa' }),
]);
ev('2020-11-10', 'day', 'document date', 'PROTEST', 'demonstrate', '145', loc('yerevan'), A.armopp, A.armgov, F(0, 0), [
  m('nl', '2020-11-10', 'samples/nl/volkskrant-2020-11-10.txt', 'Woede in Jerevan',
    'Woedende demonstranten bestormden dinsdag het regeringsgebouw in Yerevan uit protest tegen het vredesakkoord van premier Pasjinjan.',
    { source: 'demonstranten', trigger: 'bestormden', date: 'dinsdag', place: 'Yerevan', target: 'premier Pasjinjan' }),
  m('en', '2020-11-10', 'samples/en/wire-2020-11-10-yerevan.txt', 'Protesters storm Armenian parliament',
    'Hundreds of protesters stormed government buildings in Yerevan on Tuesday, demanding Pashinyan’s resignation.',
    { source: 'protesters', trigger: 'stormed', place: 'Yerevan', date: 'on Tuesday' }),
]);
// --- Belarus -----------------------------------------------------------------------
ev('2020-10-11', 'day', 'document date', 'COERCE', 'arrest', '173', loc('minsk'), A.blrcop, A.blropp, null, [
  m('nl', '2020-10-11', 'samples/nl/nrc-2020-10-11-minsk.txt', 'Massale arrestaties in Minsk',
    'OMON-agenten hebben zondag in Minsk meer dan 700 demonstranten opgepakt tijdens de wekelijkse mars tegen Loekasjenko.',
    { source: 'OMON-agenten', date: 'zondag', place: 'Minsk', target: 'demonstranten', trigger: 'opgepakt' }),
]);
ev('2020-10-25', 'day', 'document date', 'PROTEST', 'demonstrate', '141', loc('minsk'), A.blropp, A.blrgov, null, [
  m('en', '2020-10-25', 'samples/en/wire-2020-10-25-minsk.txt', 'Belarus “people’s ultimatum” march',
    'More than 100,000 protesters marched through Minsk on Sunday as Tikhanovskaya’s “people’s ultimatum” to Loekasjenko expired.',
    { source: 'protesters', trigger: 'marched', place: 'Minsk', date: 'on Sunday', target: 'Loekasjenko' }),
]);
ev('2020-10-02', 'day', 'document date', 'SANCTION', 'economic', '163', null, A.eu, A.blrgov, null, [
  m('nl', '2020-10-02', 'samples/nl/fd-2020-10-02.txt', 'EU-sancties tegen Wit-Rusland',
    'De Europese Unie heeft vrijdag sancties ingesteld tegen veertig Wit-Russische functionarissen, maar Loekasjenko zelf blijft buiten schot.',
    { source: 'De Europese Unie', trigger: 'sancties ingesteld', date: 'vrijdag' }),
], 0.7);
// --- Russia ------------------------------------------------------------------------
ev('2021-01-23', 'day', 'document date', 'PROTEST', 'demonstrate', '141', loc('moscow'), A.rusopp, A.rusgov, null, [
  m('nl', '2021-01-23', 'samples/nl/nos-2021-01-23.txt', 'Protest voor Navalny',
    'In Moskou zijn zaterdag tienduizenden aanhangers van Navalny de straat op gegaan, ondanks temperaturen van min twintig.',
    { place: 'Moskou', date: 'zaterdag', source: 'aanhangers van Navalny', trigger: 'de straat op gegaan' }),
  m('en', '2021-01-23', 'samples/en/wire-2021-01-23.txt', 'Russians rally for Navalny',
    'Tens of thousands rallied in Moscow on Saturday to demand the release of opposition leader Alexei Navalny.',
    { trigger: 'rallied', place: 'Moscow', date: 'on Saturday' }),
]);
ev('2021-01-23', 'day', 'document date', 'COERCE', 'arrest', '173', loc('petersburg'), A.ruscop, A.rusopp, F(0, 1), [
  m('nl', '2021-01-24', 'samples/nl/trouw-2021-01-24.txt', 'Honderden arrestaties',
    'In Sint-Petersburg heeft de oproerpolitie zaterdag honderden betogers gearresteerd; één vrouw raakte gewond door een trap.',
    { place: 'Sint-Petersburg', source: 'de oproerpolitie', date: 'zaterdag', trigger: 'gearresteerd', casualties: 'één vrouw raakte gewond' }),
]);
ev('2021-02-02', 'day', 'document date', 'ACCUSE', 'disapprove', '111', loc('moscow'), A.euEn, A.rusgovEn, null, [
  m('en', '2021-02-02', 'samples/en/wire-2021-02-02.txt', 'EU condemns Navalny verdict',
    'The European Union on Tuesday condemned the Moscow court ruling against Navalny as “politically motivated”.',
    { source: 'The European Union', date: 'on Tuesday', trigger: 'condemned', place: 'Moscow' }),
], 0.75);
// --- Ukraine (Donbas) ---------------------------------------------------------------
ev('2020-11-19', 'day', 'document date', 'ASSAULT', 'firearms', '190', loc('avdiivka'), A.ukrreb, A.ukrmil, F(1, 2), [
  m('nl', '2020-11-19', 'samples/nl/nrc-2020-11-19.txt', 'Schendingen van bestand in Donbas',
    'Bij Avdiivka hebben separatisten donderdag Oekraïense militairen beschoten, waarbij één soldaat om het leven kwam.',
    { place: 'Avdiivka', source: 'separatisten', date: 'donderdag', target: 'Oekraïense militairen', trigger: 'beschoten', casualties: 'één soldaat om het leven' }),
]);
ev('2021-01-26', 'day', 'document date', 'ASSAULT', 'firearms', '190', loc('donetsk'), A.ukrmilEn, A.ukrrebEn, F(2), [
  m('en', '2021-01-26', 'samples/en/wire-2021-01-26.txt', 'Two killed near Donetsk',
    'Separatist authorities said Ukrainian soldiers shelled positions north of Donetsk on Tuesday, killing two fighters.',
    { source: 'Ukrainian soldiers', trigger: 'shelled', place: 'Donetsk', date: 'on Tuesday', casualties: 'killing two fighters' }),
], 0.6);
ev('2021-03-02', 'day', 'document date', 'MOBILIZE', 'military', '150', loc('donetsk', true), A.rusgov, A.ukrmil, null, [
  m('nl', '2021-03-02', 'samples/nl/nos-2021-03-02.txt', 'Troepen aan de grens',
    'Het Kremlin heeft volgens Kyiv dinsdag extra troepen samengetrokken aan de grens met Oekraïne.',
    { source: 'Het Kremlin', date: 'dinsdag', trigger: 'troepen samengetrokken', place: 'grens met Oekraïne' }),
], 0.65);
ev('2021-03-16', 'day', 'document date', 'THREATEN', 'military', '138', loc('kyiv'), A.rusgov, A.ukrmil, null, [
  m('nl', '2021-03-16', 'samples/nl/fd-2021-03-16.txt', 'Dreigende taal uit Moskou',
    'Het Kremlin dreigde dinsdag met „gepaste maatregelen” als Kyiv het offensief in de Donbas zou hervatten.',
    { source: 'Het Kremlin', trigger: 'dreigde', date: 'dinsdag', place: 'Kyiv' }),
]);
// --- Netherlands -------------------------------------------------------------------
ev('2021-01-24', 'day', 'document date', 'PROTEST', 'riot', '145', loc('eindhoven'), A.nldopp, A.nldcop, F(0, 5), [
  m('nl', '2021-01-24', 'samples/nl/ed-2021-01-24.txt', 'Rellen op het Stationsplein',
    'Honderden relschoppers gingen zondag in Eindhoven de ME te lijf met stenen en vuurwerk uit protest tegen de avondklok; vijf agenten raakten gewond.',
    { source: 'relschoppers', date: 'zondag', place: 'Eindhoven', target: 'de ME', trigger: 'te lijf', casualties: 'vijf agenten raakten gewond' }),
  m('en', '2021-01-25', 'samples/en/wire-2021-01-25-nl.txt', 'Dutch curfew riots',
    'Rioters clashed with police in Eindhoven on Sunday, looting shops near the railway station.',
    { source: 'Rioters', trigger: 'clashed', place: 'Eindhoven', date: 'on Sunday' }),
]);
ev('2021-01-25', 'day', 'document date', 'PROTEST', 'riot', '145', loc('rotterdam'), A.nldopp, A.nldcop, null, [
  m('nl', '2021-01-26', 'samples/nl/ad-2021-01-26.txt', 'Onrust in Rotterdam-Zuid',
    'Ook in Rotterdam kwam het maandagavond tot ongeregeldheden: relschoppers vernielden bushokjes en bekogelden de ME.',
    { place: 'Rotterdam', date: 'maandagavond', source: 'relschoppers', trigger: 'ongeregeldheden', target: 'de ME' }),
]);
ev('2021-01-26', 'day', 'document date', 'PROTEST', 'riot', '145', loc('urk'), A.nldopp, A.nldgov, null, [
  m('nl', '2021-01-26', 'samples/nl/trouw-2021-01-26.txt', 'Teststraat in brand',
    'Op Urk staken jongeren zaterdagavond de GGD-teststraat in brand — een „aanval op ons allemaal”, zei de burgemeester.',
    { place: 'Urk', source: 'jongeren', date: 'zaterdagavond', trigger: 'in brand' }),
], 0.7);
ev('2020-12-14', 'day', 'document date', 'CONSULT', 'meet', '040', loc('denhaag'), A.nldgov, A.nldagr, null, [
  m('nl', '2020-12-14', 'samples/nl/nrc-2020-12-14.txt', 'Boerenoverleg in Den Haag',
    'Het kabinet heeft maandag in Den Haag overlegd met boeren over de stikstofregels, na weken van trekkeracties.',
    { source: 'Het kabinet', date: 'maandag', place: 'Den Haag', trigger: 'overlegd', target: 'boeren' }),
]);
ev('2020-12-18', 'day', 'document date', 'PROTEST', 'demonstrate', '141', loc('denhaag'), A.nldagr, A.nldgov, null, [
  m('nl', '2020-12-18', 'samples/nl/ad-2020-12-18.txt', 'Trekkers op het Malieveld',
    'Honderden boeren trokken vrijdag met hun trekkers naar Den Haag om te demonstreren tegen het stikstofbeleid.',
    { source: 'boeren', date: 'vrijdag', trigger: 'demonstreren', place: 'Den Haag' }),
]);
ev('2021-03-14', 'day', 'document date', 'PROTEST', 'demonstrate', '141', loc('amsterdam'), A.nldopp, A.nldgov, null, [
  m('nl', '2021-03-14', 'samples/nl/parool-2021-03-14.txt', 'Betoging op het Museumplein',
    'Duizenden mensen demonstreerden zondag op het Museumplein in Amsterdam tegen de coronamaatregelen; de ME zette waterwerpers in.',
    { date: 'zondag', place: 'Amsterdam', trigger: 'demonstreerden' }),
]);
// --- Mali, Sudan, Ethiopia, Nigeria ------------------------------------------------
ev('2020-12-03', 'day', 'document date', 'ASSAULT', 'firearms', '1823', loc('mopti'), A.mlireb, A.mliciv, F(12, null, true), [
  m('nl', '2020-12-04', 'samples/nl/trouw-2020-12-04.txt', 'Aanval op dorp in Mali',
    'Jihadisten hebben donderdag bij Mopti een dorp overvallen en twaalf dorpelingen gedood, meldt de lokale burgemeester.',
    { source: 'Jihadisten', date: 'donderdag', place: 'Mopti', trigger: 'overvallen', casualties: 'twaalf dorpelingen gedood', target: 'dorpelingen' }),
]);
ev('2021-01-03', 'day', 'document date', 'ASSAULT', 'aerial', '195', loc('mopti', true, 'Bounti'), A.mlimil, A.mliciv, F(19, null, true, { vague: true }), [
  m('en', '2021-01-05', 'samples/en/wire-2021-01-05-mali.txt', 'Wedding strike in central Mali',
    'Villagers said around 19 people attending a wedding near Bounti were killed on Sunday by an airstrike; the army denies hitting civilians.',
    { casualties: 'around 19 people', place: 'Bounti', trigger: 'airstrike', date: 'on Sunday' }),
  m('nl', '2021-01-06', 'samples/nl/nrc-2021-01-06.txt', 'Bruiloft getroffen',
    'Het Malinese leger ontkent dat bij de luchtaanval bij Bounti burgers zijn omgekomen.',
    { source: 'Malinese leger', trigger: 'luchtaanval', place: 'Bounti' }, { negated: true }),
], 0.6);
ev('2020-08-18', 'day', 'explicit date in sentence', 'COERCE', 'coup', '160', loc('bamako'), A.mlimil, actor('president Keïta', 'MLIGOV', 'MLI', 'GOV'), null, [
  m('nl', '2020-10-01', 'samples/nl/nos-2020-10-01.txt', 'Mali na de staatsgreep',
    'Sinds militairen op 18 augustus president Keïta in Bamako afzetten, regeert een junta het land.',
    { source: 'militairen', date: 'op 18 augustus', target: 'president Keïta', place: 'Bamako', trigger: 'afzetten' }, { historical: true }),
], 0.7);
ev('2021-01-16', 'day', 'document date', 'ASSAULT', 'firearms', '190', loc('elgeneina'), A.sdnreb, A.sdnciv, F(83, 160, true), [
  m('nl', '2021-01-18', 'samples/nl/volkskrant-2021-01-18.txt', 'Geweld in West-Darfur',
    'Gewapende Janjaweed-milities vielen zaterdag een kamp voor ontheemden bij El Geneina aan; zeker 83 mensen kwamen om.',
    { source: 'Janjaweed-milities', date: 'zaterdag', target: 'ontheemden', place: 'El Geneina', trigger: 'vielen', casualties: 'zeker 83 mensen kwamen om' }),
  m('en', '2021-01-17', 'samples/en/wire-2021-01-17-darfur.txt', 'Dozens killed in Darfur',
    'At least 48 people were killed on Saturday when militias attacked a displacement camp in El Geneina, doctors said.',
    { casualties: 'At least 48 people were killed', date: 'on Saturday', source: 'militias', trigger: 'attacked', place: 'El Geneina' }),
  m('en', '2021-01-19', 'samples/en/wire-2021-01-19-darfur.txt', 'Darfur toll rises',
    'The death toll from the weekend attack on the Krinding camp in El Geneina has risen to 83, the UN said.',
    { trigger: 'attack', place: 'El Geneina', casualties: 'risen to 83' }),
]);
ev('2020-12-19', 'day', 'document date', 'PROTEST', 'demonstrate', '141', loc('khartoum'), A.sdnopp, actor('transitional government', 'SDNGOV', 'SDN', 'GOV'), null, [
  m('en', '2020-12-19', 'samples/en/wire-2020-12-19-khartoum.txt', 'Khartoum anniversary protest',
    'Thousands of protesters marched in Khartoum on Saturday to mark two years since the uprising that toppled al-Bashir.',
    { source: 'protesters', trigger: 'marched', place: 'Khartoum', date: 'on Saturday' }),
]);
ev('2020-11-04', 'day', 'document date', 'ASSAULT', 'military', '190', loc('mekelle', true, 'Tigray'), A.ethmil, A.ethreb, null, [
  m('en', '2020-11-04', 'samples/en/wire-2020-11-04-tigray.txt', 'Ethiopia launches Tigray offensive',
    'Prime Minister Abiy ordered Ethiopian federal troops on Wednesday to launch a military offensive against the TPLF in Tigray.',
    { source: 'Ethiopian federal troops', date: 'on Wednesday', trigger: 'military offensive', target: 'TPLF', place: 'Tigray' }),
]);
ev('2020-11-28', 'day', 'document date', 'ASSAULT', 'artillery', '195', loc('mekelle'), A.ethmil, A.ethciv, F(27, 100, true, { vague: true }), [
  m('en', '2020-11-29', 'samples/en/wire-2020-11-29-mekelle.txt', 'Shelling of Mekelle',
    'Dozens of civilians were killed when Ethiopian federal troops shelled Mekelle on Saturday, the TPLF said.',
    { casualties: 'Dozens of civilians were killed', source: 'Ethiopian federal troops', trigger: 'shelled', place: 'Mekelle', date: 'on Saturday' }),
  m('nl', '2020-11-29', 'samples/nl/nos-2020-11-29.txt', 'Mekelle gevallen',
    'Het Ethiopische leger zegt zaterdag Mekelle te hebben ingenomen „zonder burgerslachtoffers”.',
    { source: 'Ethiopische leger', date: 'zaterdag', place: 'Mekelle', trigger: 'ingenomen' }, { reported: true }),
], 0.5);
ev('2020-11-10', 'day', 'relative: "maandagnacht"', 'ASSAULT', 'firearms', '1823', loc('humera', true, 'Mai Kadra'), actor('milities', 'ETHREB', 'ETH', 'REB'), A.ethciv, F(600, null, true, { vague: true }), [
  m('nl', '2020-11-13', 'samples/nl/trouw-2020-11-13.txt', 'Bloedbad in Mai Kadra',
    'Amnesty meldt dat maandagnacht in Mai Kadra mogelijk honderden burgers met messen en machetes zijn vermoord.',
    { date: 'maandagnacht', place: 'Mai Kadra', casualties: 'mogelijk honderden burgers', trigger: 'vermoord' }),
], 0.45);
ev('2020-10-20', 'day', 'document date', 'ASSAULT', 'firearms', '190', loc('lagos'), A.ngacop, A.ngaopp, F(12, null, true), [
  m('en', '2020-10-21', 'samples/en/wire-2020-10-21-lekki.txt', 'Shooting at Lekki toll gate',
    'Soldiers opened fire on #EndSARS protesters at the Lekki toll gate in Lagos on Tuesday night, killing at least 12, Amnesty said.',
    { source: 'Soldiers', trigger: 'opened fire', target: '#EndSARS protesters', place: 'Lagos', date: 'on Tuesday night', casualties: 'killing at least 12' }),
  m('nl', '2020-10-21', 'samples/nl/nrc-2020-10-21.txt', 'Schoten in Lagos',
    'In Lagos hebben soldaten dinsdagavond het vuur geopend op vreedzame demonstranten tegen politiegeweld.',
    { place: 'Lagos', source: 'soldaten', date: 'dinsdagavond', trigger: 'het vuur geopend', target: 'demonstranten' }),
]);
ev('2020-10-11', 'day', 'document date', 'CONCEDE', 'policy', '080', loc('abuja'), A.ngagov, A.ngaopp, null, [
  m('en', '2020-10-11', 'samples/en/wire-2020-10-11-sars.txt', 'Nigeria disbands SARS',
    'President Buhari’s government said on Sunday it had disbanded the notorious SARS police unit after days of protests.',
    { source: 'President Buhari', date: 'on Sunday', trigger: 'disbanded' }),
], 0.7);
// --- Myanmar -------------------------------------------------------------------------
ev('2021-02-01', 'day', 'document date', 'COERCE', 'coup', '160', loc('yangon', true, 'Naypyidaw'), A.mmrmil, A.mmrgov, null, [
  m('en', '2021-02-01', 'samples/en/wire-2021-02-01-myanmar.txt', 'Military seizes power in Myanmar',
    'The Tatmadaw detained Aung San Suu Kyi in Naypyidaw on Monday and declared a year-long state of emergency.',
    { source: 'The Tatmadaw', trigger: 'detained', target: 'Aung San Suu Kyi', place: 'Naypyidaw', date: 'on Monday' }),
  m('nl', '2021-02-01', 'samples/nl/nos-2021-02-01.txt', 'Staatsgreep in Myanmar',
    'Het leger van Myanmar heeft maandag Aung San Suu Kyi opgepakt en de macht gegrepen.',
    { source: 'leger van Myanmar', date: 'maandag', target: 'Aung San Suu Kyi', trigger: 'opgepakt' }),
]);
ev('2021-02-22', 'day', 'document date', 'PROTEST', 'strike', '141', loc('yangon'), A.mmropp, A.mmrmil, null, [
  m('nl', '2021-02-22', 'samples/nl/trouw-2021-02-22.txt', 'Algemene staking',
    'In Yangon legden maandag honderdduizenden demonstranten het werk neer in een algemene staking tegen de junta.',
    { place: 'Yangon', date: 'maandag', source: 'demonstranten', trigger: 'algemene staking' }),
]);
ev('2021-03-03', 'day', 'document date', 'ASSAULT', 'firearms', '190', loc('mandalay'), A.mmrmil, A.mmropp, F(38, null, true), [
  m('en', '2021-03-03', 'samples/en/wire-2021-03-03-myanmar.txt', 'Bloodiest day since coup',
    'Security forces fired live rounds at protesters in Mandalay and Yangon on Wednesday, killing 38 people, the UN envoy said.',
    { source: 'Security forces', trigger: 'fired live rounds', target: 'protesters', place: 'Mandalay', date: 'on Wednesday', casualties: 'killing 38 people' }),
  m('nl', '2021-03-04', 'samples/nl/nrc-2021-03-04.txt', 'Zwartste dag sinds de coup',
    'Woensdag was met 38 doden de bloedigste dag sinds de staatsgreep, zegt de VN-gezant.',
    { date: 'Woensdag', casualties: '38 doden' }),
]);
ev('2021-02-10', 'day', 'document date', 'SANCTION', 'economic', '163', null, A.usa, A.mmrmil, null, [
  m('en', '2021-02-11', 'samples/en/wire-2021-02-11.txt', 'US sanctions Myanmar generals',
    'Washington announced sanctions on Wednesday against the generals who led the coup in Myanmar.',
    { source: 'Washington', trigger: 'announced sanctions', date: 'on Wednesday' }),
]);
// --- Fiji (antimeridian), Colombia, Lebanon, Gaza -------------------------------------
ev('2020-12-20', 'day', 'document date', 'AID', 'humanitarian', '070', loc('labasa'), A.fjiaid, A.fjigov, null, [
  m('nl', '2020-12-21', 'samples/nl/nos-2020-12-21.txt', 'Cycloon Yasa',
    'Nieuw-Zeeland stuurt na cycloon Yasa noodhulp naar Labasa op Vanua Levu, waar duizenden huizen zijn verwoest.',
    { source: 'Nieuw-Zeeland', trigger: 'noodhulp', place: 'Labasa' }),
]);
ev('2021-02-15', 'day', 'document date', 'PROTEST', 'demonstrate', '141', loc('suva'), A.fjiopp, A.fjigov, null, [
  m('nl', '2021-02-15', 'samples/nl/fd-2021-02-15.txt', 'Vakbonden in Suva',
    'Honderden vakbondsleden protesteerden maandag in Suva tegen ontslagen bij de staatsmaatschappij.',
    { source: 'vakbondsleden', trigger: 'protesteerden', date: 'maandag', place: 'Suva' }),
], 0.65);
ev('2020-11-21', 'day', 'document date', 'PROTEST', 'demonstrate', '145', loc('bogota'), A.colopp, A.colcop, F(0, 14), [
  m('en', '2020-11-21', 'samples/en/wire-2020-11-21-bogota.txt', 'Clashes in Bogotá',
    'Students clashed with ESMAD riot police in Bogotá on Saturday; 14 people were injured, the mayor’s office said.',
    { source: 'Students', trigger: 'clashed', target: 'ESMAD riot police', place: 'Bogotá', date: 'on Saturday', casualties: '14 people were injured' }),
]);
ev('2021-02-07', 'month', 'document date (precision: month)', 'ASSAULT', 'firearms', '190', loc('cauca'), A.colmil, A.colreb, F(7), [
  m('nl', '2021-02-08', 'samples/nl/volkskrant-2021-02-08.txt', 'Gevechten in Cauca',
    'In het departement Cauca zijn deze maand bij gevechten tussen het Colombiaanse leger en ELN-rebellen zeven strijders gesneuveld.',
    { place: 'Cauca', date: 'deze maand', trigger: 'gevechten', source: 'Colombiaanse leger', target: 'ELN-rebellen', casualties: 'zeven strijders gesneuveld' }),
], 0.6);
ev('2020-10-17', 'day', 'document date', 'PROTEST', 'demonstrate', '141', loc('beiroet'), A.lbnopp, A.lbngov, null, [
  m('nl', '2020-10-17', 'samples/nl/nrc-2020-10-17.txt', 'Een jaar thawra',
    'Duizenden betogers herdachten zaterdag in Beiroet het begin van de opstand van een jaar geleden en eisten het vertrek van de regering.',
    { source: 'betogers', date: 'zaterdag', place: 'Beiroet', trigger: 'eisten', target: 'de regering' }),
]);
ev('2021-01-14', 'day', 'document date', 'ASSAULT', 'aerial', '195', loc('gaza'), A.isrmil, A.hamas, F(0), [
  m('nl', '2021-01-14', 'samples/nl/trouw-2021-01-14.txt', 'Luchtaanvallen op Gaza',
    'Het Israëlische leger voerde donderdag luchtaanvallen uit op doelen van Hamas in Gaza; er vielen geen doden.',
    { source: 'Israëlische leger', date: 'donderdag', trigger: 'luchtaanvallen', target: 'Hamas', place: 'Gaza', casualties: 'geen doden' }),
]);
ev('2021-03-19', 'day', 'document date', 'REQUEST', 'aid', '036', loc('yerevan'), A.unEn, A.azemilEn, null, [
  m('en', '2021-03-19', 'samples/en/wire-2021-03-19.txt', 'UN asks access to prisoners',
    'The UN on Friday urged Azerbaijan to give the Red Cross access to Armenian prisoners held since the war.',
    { source: 'The UN', date: 'on Friday', trigger: 'urged', target: 'Azerbaijan' }),
], 0.7);

// ---------------------------------------------------------------------------------------
function dateObj(start, precision, derived_from) {
  let end = start;
  if (precision === 'month') {
    const [y, mo] = start.split('-').map(Number);
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    start = `${start.slice(0, 7)}-01`;
    end = `${start.slice(0, 7)}-${String(last).padStart(2, '0')}`;
  }
  return { start, end, precision, derived_from };
}

let docCounter = 0;
const events = E.map((e, i) => {
  const id = `e_${(0x51a3 + i * 7919).toString(16).padStart(6, '0')}`;
  const [goldstein, quad_class] = CAMEO[e.cameo] ?? [0, 1];
  const mentions = e.mentions.map((mm, j) => {
    docCounter++;
    // The document: a headline, a dateline paragraph, then the evidence sentence.
    const prefix = `${mm.doc_title}\n\n(${mm.lang === 'nl' ? 'Van onze correspondent' : 'By our correspondent'} – ${mm.doc_date}) Lorem café naïve. `;
    const sentence_start = bytes(prefix);
    const spans = [];
    for (const [role, phrase] of Object.entries(mm.spans)) {
      const idx = mm.sentence.indexOf(phrase);
      if (idx < 0) throw new Error(`span "${phrase}" not in sentence of event ${i}: ${mm.sentence}`);
      const start = sentence_start + bytes(mm.sentence.slice(0, idx));
      spans.push({ role, start, end: start + bytes(phrase) });
    }
    spans.sort((a, b) => a.start - b.start);
    return {
      mention_id: `m_${id.slice(2)}_${j + 1}`,
      doc_id: `d_${String(docCounter).padStart(5, '0')}`,
      doc_date: mm.doc_date,
      doc_source: mm.doc_source,
      doc_title: mm.doc_title,
      lang: mm.lang,
      sentence: mm.sentence,
      sentence_start,
      evidence: { spans },
      date: dateObj(e.date, e.precision, e.derived_from),
      location: e.location,
      fatalities: e.fatalities,
      reported: !!mm.reported,
      negated: !!mm.negated,
      historical: !!mm.historical,
    };
  });
  return {
    event_id: id,
    plover: { type: e.type, mode: e.mode },
    cameo: e.cameo,
    quad_class,
    goldstein,
    date: dateObj(e.date, e.precision, e.derived_from),
    location: e.location,
    source: e.source,
    target: e.target,
    fatalities: e.fatalities,
    reports: mentions.length,
    first_report: { doc_id: mentions[0].doc_id, sentence: mentions[0].sentence },
    confidence: e.confidence,
    updated_at: `2026-11-${String(10 + (i % 18)).padStart(2, '0')}T12:00:00Z`,
    mentions,
  };
});

const out = fileURLToPath(new URL('./fixture.json', import.meta.url));
writeFileSync(out, JSON.stringify({ version: '0.1.0', events }, null, 1) + '\n');
console.log(`wrote ${events.length} events, ${events.reduce((n, e) => n + e.reports, 0)} reports to ${out}`);
