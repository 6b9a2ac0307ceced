export const regions = [
  { name: 'North', revenue: 1250.5, growth: 0.082 },
  { name: 'South', revenue: 980.25, growth: 0.041 },
  { name: 'East', revenue: 1410.0, growth: 0.117 },
  { name: 'West', revenue: 1105.75, growth: -0.013 },
  { name: 'Central', revenue: 760.0, growth: 0.025 },
  { name: 'Coastal', revenue: 1322.4, growth: 0.064 },
  { name: 'Highlands', revenue: 415.9, growth: 0.151 },
  { name: 'Islands', revenue: 298.3, growth: -0.042 },
];
