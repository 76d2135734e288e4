// 责任人 picker: a search box before each <select data-picker>; typing a name, its pinyin or initials (艾丽: aili, al)
// hides the options (and department groups) that do not match. Without JavaScript the grouped select still works.
(function () {
  function attach(select) {
    var box = document.createElement("input");
    box.type = "search";
    box.placeholder = "输入姓名、拼音或首字母查找";
    box.className = "picker-search";
    box.setAttribute("aria-label", "查找人员");
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var q = box.value.trim().toLowerCase();
      var first = null;
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        var any = false;
        Array.prototype.forEach.call(group.querySelectorAll("option"), function (option) {
          var hit = !q || (option.dataset.search || option.textContent).toLowerCase().indexOf(q) !== -1;
          option.hidden = !hit;
          if (hit) { any = true; if (!first) { first = option; } }
        });
        group.hidden = !any;
      });
      if (q && first) { select.value = first.value; }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-picker]"), attach);
  });
})();
