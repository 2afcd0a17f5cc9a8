// A valid layer file for catalogue tests (a GeoJSON flood layer in group "floods").
export const goodLayer = (id: string) => ({
  id,
  title: { fr: `Couche ${id}`, en: `Layer ${id}` },
  description: { fr: 'Description', en: 'Description' },
  group: 'floods',
  source: { kind: 'geojson', url: `data/${id}.geojson` },
  style: [{ type: 'fill', paint: { 'fill-color': '#08519c' } }],
  legend: { type: 'categories', items: [{ label: { fr: 'Zone', en: 'Zone' }, color: '#08519c' }] },
  attribution: { organisation: { fr: 'Org', en: 'Org' }, licence: 'CC-BY 4.0', date: '2024' },
});

export const catalogueOf = (layers: string[]) =>
  JSON.stringify({ groups: [{ id: 'floods', title: { fr: 'Inondations', en: 'Floods' } }], layers });
