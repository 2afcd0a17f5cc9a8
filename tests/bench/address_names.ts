// Québec-like names for the synthetic address benchmark: municipalities (saints, lakes, rivers…)
// and street names, with the words that really repeat across Québec (Principale, du Lac, Saint-…).
import { pick, type Random } from '../../src/cli/demo/prng';

const SAINTS = ('Jean Joseph Pierre Paul Louis Michel Charles François Jacques André Antoine Augustin Benoît Bernard ' +
  'Gabriel Georges Henri Hilaire Hippolyte Jérôme Laurent Luc Marc Mathieu Maurice Nicolas Philippe Rémi Roch Siméon ' +
  'Théodore Thomas Urbain Valentin Zénon Adolphe Alban Alexis Alphonse Ambroise Anselme Apollinaire Armand Arsène ' +
  'Barnabé Basile Bruno Calixte Camille Casimir Célestin Clément Côme Cyprien Damase Denis Didace Donat Édouard Élie ' +
  'Éloi Émile Eugène Eusèbe Évariste Fabien Félix Ferdinand Fidèle Flavien Fortunat Gédéon Gérard Germain Gilles ' +
  'Grégoire Guillaume Honoré Hubert Hugues Ignace Isidore Janvier Jules Julien Justin Lambert Léon Léonard Liboire ' +
  'Lucien Ludger Magloire Malachie Marcel Martin Modeste Narcisse Norbert Octave Odilon Omer Onésime Pacôme Pascal ' +
  'Patrice Paulin Placide Prosper Raphaël Raymond Robert Romuald Samuel Sébastien Sévère Sylvère Tite Ubalde Valère ' +
  'Victor Vital Zacharie').split(' ');
const SAINTES = ('Anne Marie Agathe Angèle Béatrix Brigide Catherine Cécile Claire Clotilde Croix Émélie Euphémie ' +
  'Famille Félicité Françoise Geneviève Germaine Hélène Hénédine Jeanne Julie Justine Luce Madeleine Marguerite Marthe ' +
  'Monique Perpétue Pétronille Rosalie Sabine Sophie Thècle Ursule Victoire').split(' ');
const PLACES = ('Lac Rivière Montagne Baie Pointe Île Rocher Plaine Vallée Colline Chute Rapides Anse Cap Mont Prairie ' +
  'Bois Forêt Grève Source Ruisseau Étang Savane Brûlé Portage Côte').split(' ');
const QUALIFIERS = ('Beauport Bleu Vert Clair Noir Blanc Brûlé Caché Long Rond Sec Profond Sauvage Perdu Gelé Tranquille ' +
  'Etchemin Mégantic Abitibi Témiscouata Matapédia Nicolet Bécancour Chaudière Portneuf Kamouraska Rimouski Matane ' +
  'Gatineau Lièvre Rouge Nord Saumon Castor Loutre Huard Héron Orignal Ours Brochet Doré Truite Achigan').split(' ');
const RIVERS = 'Richelieu Chaudière Yamaska Saint-François Outaouais Saguenay Mer Lac Rivière Montagne Bois'.split(' ');
const SURNAMES = ('Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier Bélanger Lévesque ' +
  'Bergeron Leblanc Paquette Girard Simard Boucher Caron Beaulieu Cloutier Dubé Poirier Fournier Lapointe Leclerc ' +
  'Lefebvre Poulin Thibault St-Pierre Nadeau Martin Landry Martel Bédard Grenier Lessard Bernier Richard Michaud Hébert ' +
  'Desjardins Couture Turcotte Lachance Parent Blais Gosselin Savard Proulx Beaudoin Demers Perron Boudreau Mercier ' +
  'Champlain Laurier Papineau Cartier Frontenac Lévis Montcalm Jolliet Marquette Talon Laval Maisonneuve Radisson ' +
  'Duvernay Viger Chapleau Mercier Taschereau Duplessis Lesage Bourassa Lévesque Dollard Garneau Crémazie Fréchette ' +
  'Nelligan Groulx Hémon Roberval Iberville Vaudreuil Longueuil Repentigny Lanaudière Joliette Terrebonne').split(' ');
const TREES = 'Érables Pins Bouleaux Cèdres Ormes Chênes Saules Sapins Épinettes Trembles Merisiers Frênes Mélèzes Peupliers Tilleuls Noyers Pommiers Cerisiers Aulnes Noisetiers'.split(' ');
const BIRDS = 'Hirondelles Mésanges Geais Cardinaux Moineaux Colibris Pinsons Fauvettes Merles Huards Outardes Goélands Hérons Martinets Perdrix'.split(' ');
const COMMON_STREETS = [
  'rue Principale', 'chemin du Lac', 'rue de l’Église', 'rue Saint-Joseph', 'rue Notre-Dame', 'rue des Érables', 'rue du Moulin',
  'chemin de la Rivière', 'rue Saint-Jean', 'rue du Parc', 'rue des Pins', 'rue Saint-Pierre', 'rang Saint-Joseph',
  'chemin de la Montagne', 'rue de la Gare', 'route 132', 'rue du Couvent', 'rue Sainte-Anne', 'rue des Bouleaux', 'rue du Domaine',
  'boulevard Saint-Laurent', 'avenue du Lac', 'rue du Pont', 'rue Champlain', 'rue Laurier',
];
const TYPES: Array<[string, number]> = [['rue', 0.58], ['chemin', 0.14], ['avenue', 0.1], ['rang', 0.05], ['boulevard', 0.03], ['montée', 0.03], ['place', 0.03], ['impasse', 0.02], ['croissant', 0.02]];
const SYLLABLES = 'ma ri bo lan tou vi per sa lo fon cur bel mon ge na ro du va lé chê gau tier vil quin ber'.split(' ');

/** "Saint-Ours-sur-Richelieu", "Lac-Etchemin", "Notre-Dame-des-Prairies", "Val-Brûlé"… */
export function municipalityName(rand: Random): string {
  const r = rand();
  if (r < 0.4) {
    const saint = rand() < 0.75 ? `Saint-${pick(rand, SAINTS)}` : `Sainte-${pick(rand, SAINTES)}`;
    const tail = rand();
    if (tail < 0.45) return saint;
    if (tail < 0.75) return `${saint}-de-${pick(rand, SURNAMES)}`;
    return `${saint}-sur-${pick(rand, RIVERS)}`;
  }
  if (r < 0.6) return `${pick(rand, PLACES)}-${pick(rand, QUALIFIERS)}`;
  if (r < 0.7) return `Notre-Dame-de-${pick(rand, SAINTES)}-${pick(rand, QUALIFIERS)}`;
  if (r < 0.85) return `${pick(rand, SURNAMES)}${pick(rand, ['ville', '', 'ton', '-Station'])}`;
  return `${pick(rand, ['Val', 'Mont', 'Pointe', 'Baie', 'Grand', 'Petit'])}-${pick(rand, QUALIFIERS)}`;
}

function invented(rand: Random): string {
  const word = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(rand, SYLLABLES)).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}

function weightedType(rand: Random): string {
  let r = rand();
  for (const [type, weight] of TYPES) if ((r -= weight) < 0) return type;
  return 'rue';
}

/** A street name: a common one (a quarter of the streets), or a type and a saint, surname, tree, bird or invented word. */
export function streetName(rand: Random): string {
  const r = rand();
  if (r < 0.25) return pick(rand, COMMON_STREETS);
  const type = weightedType(rand);
  if (r < 0.4) return `${type} Saint-${pick(rand, SAINTS)}`;
  if (r < 0.45) return `${type} Sainte-${pick(rand, SAINTES)}`;
  if (r < 0.65) return `${type} ${pick(rand, SURNAMES)}`;
  if (r < 0.72) return `${type} des ${pick(rand, TREES)}`;
  if (r < 0.76) return `${type} des ${pick(rand, BIRDS)}`;
  if (r < 0.82) return `${type} du ${pick(rand, PLACES)}-${pick(rand, QUALIFIERS)}`;
  return `${type} ${invented(rand)}${rand() < 0.3 ? `-${invented(rand)}` : ''}`;
}
