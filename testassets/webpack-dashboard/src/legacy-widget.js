// Old widget code, still CommonJS, from before the dashboard moved to ES modules.
'use strict';

const Chart = require('chart.js');

const REGIONS = ['EU', 'US', 'APAC', 'LATAM'];
const ORDERS = [412, 538, 265, 97];

function drawLegacyWidget(canvas) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: REGIONS,
      datasets: [{ label: 'Orders by region', data: ORDERS, backgroundColor: '#38a169' }],
    },
    options: { legend: { display: false }, scales: { yAxes: [{ ticks: { beginAtZero: true } }] } },
  });
}

module.exports = drawLegacyWidget;
