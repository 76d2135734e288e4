// 差错统计 charts: data comes from the page (json_script), Chart.js is vendored under static/vendor.
document.addEventListener("DOMContentLoaded", function () {
  var source = document.getElementById("report-data");
  var canvas = document.getElementById("by-month-chart");
  if (!source || !canvas || !window.Chart) { return; }
  var data = JSON.parse(source.textContent);
  new window.Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: [
        { type: "bar", label: "一般差错（件）", data: data.general, backgroundColor: "#e0a100", stack: "n", yAxisID: "y" },
        { type: "bar", label: "严重差错（件）", data: data.serious, backgroundColor: "#b42318", stack: "n", yAxisID: "y" },
        { type: "line", label: "扣罚金额（元）", data: data.amount.map(Number), borderColor: "#1f5fae",
          backgroundColor: "#1f5fae", yAxisID: "amount" }
      ]
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "件数" } },
        amount: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false },
                  title: { display: true, text: "元" } }
      },
      plugins: { title: { display: true, text: "各月差错件数与扣罚金额" } }
    }
  });
});
