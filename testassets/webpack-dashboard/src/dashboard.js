import Chart from 'chart.js';
import 'chartjs-adapter-moment';
import '@fortawesome/fontawesome-free/css/all.min.css';
import './app.css';
import drawLegacyWidget from './legacy-widget.js';

// Daily active users for one fixed week (fixed data keeps the build and the page deterministic).
const DAYS = ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08', '2024-03-09', '2024-03-10'];
const ACTIVE_USERS = [1280, 1342, 1395, 1310, 1467, 902, 874];

function drawTrafficChart(canvas) {
  return new Chart(canvas.getContext('2d'), {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'Active users',
          data: DAYS.map((day, i) => ({ x: day, y: ACTIVE_USERS[i] })),
          borderColor: '#2b6cb0',
          backgroundColor: 'rgba(43, 108, 176, 0.15)',
          lineTension: 0.2,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        xAxes: [
          {
            type: 'time',
            time: { unit: 'day', parser: 'YYYY-MM-DD', displayFormats: { day: 'ddd D MMM' } },
          },
        ],
        yAxes: [{ ticks: { beginAtZero: true } }],
      },
    },
  });
}

function setUpSettingsButton(button, host) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    // The settings panel is only needed after a click: a lazy chunk.
    const { renderSettingsPanel } = await import(/* webpackChunkName: "settings" */ './settings-panel.js');
    renderSettingsPanel(host);
  });
}

drawTrafficChart(document.getElementById('traffic-chart'));
drawLegacyWidget(document.getElementById('legacy-widget'));
setUpSettingsButton(document.getElementById('open-settings'), document.getElementById('settings-host'));
