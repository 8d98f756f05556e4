package extract

import (
	"testing"
	"time"
)

func TestFindDates(t *testing.T) {
	ref := time.Date(2019, 3, 20, 0, 0, 0, 0, time.UTC) // a Wednesday
	tests := []struct {
		text       string
		want       string // matched text
		start, end string
		prec       Precision
	}{
		{"أعلنت قوات سوريا الديمقراطية في 23 آذار/ مارس 2019 السيطرة على الباغوز", "23 آذار/ مارس 2019", "2019-03-23", "2019-03-23", PrecisionDay},
		{"نشرت على الإنترنت في نيسان/أبريل 2018", "نيسان/أبريل 2018", "2018-04-01", "2018-04-30", PrecisionMonth},
		{"قتل البغدادي في السابع والعشرين من تشرين الأول/أكتوبر 2019 في إدلب", "السابع والعشرين من تشرين الأول/أكتوبر 2019", "2019-10-27", "2019-10-27", PrecisionDay},
		{"وصل إلى تركيا في التاسع عشر من كانون الثاني 2017", "التاسع عشر من كانون الثاني 2017", "2017-01-19", "2017-01-19", PrecisionDay},
		{"فر من الموصل في ١٠ يونيو ٢٠١٤", "١٠ يونيو ٢٠١٤", "2014-06-10", "2014-06-10", PrecisionDay},
		{"اعتقل في الجزائر يوم 5 جانفي 2018", "5 جانفي 2018", "2018-01-05", "2018-01-05", PrecisionDay},
		{"غادر الرقة مطلع تشرين الأول 2017", "مطلع تشرين الأول 2017", "2017-10-01", "2017-10-10", PrecisionPartOfMonth},
		{"شوهد في إدلب منتصف أيار/مايو 2018", "منتصف أيار/مايو 2018", "2018-05-11", "2018-05-20", PrecisionPartOfMonth},
		{"قتل أواخر شباط 2019 في الباغوز", "أواخر شباط 2019", "2019-02-21", "2019-02-28", PrecisionPartOfMonth},
		{"سقطت المدينة عام 2017 بيد القوات العراقية", "عام 2017", "2017-01-01", "2017-12-31", PrecisionYear},
		{"هرب في أواخر عام 2017 إلى تركيا", "أواخر عام 2017", "2017-09-01", "2017-12-31", PrecisionPartOfYear},
		{"نقل إلى مخيم الهول في شهر كانون الثاني الماضي", "شهر كانون الثاني", "2019-01-01", "2019-01-31", PrecisionMonth},
		{"وصلت عائلته إلى المخيم في أيلول", "أيلول", "2018-09-01", "2018-09-30", PrecisionMonth},
		{"وأكد مسؤول أمس أن عشرات العناصر فروا", "أمس", "2019-03-19", "2019-03-19", PrecisionDay},
		{"تراجعت الهجمات خلال العام الماضي", "العام الماضي", "2018-01-01", "2018-12-31", PrecisionYear},
		{"ارتفع عدد العائدين منذ مطلع العام الجاري", "مطلع العام الجاري", "2019-01-01", "2019-04-30", PrecisionPartOfYear},
		{"اعتقل الشهر الماضي في أنقرة", "الشهر الماضي", "2019-02-01", "2019-02-28", PrecisionMonth},
		{"فر إلى تركيا قبل أشهر", "قبل أشهر", "2018-04-20", "2019-01-20", PrecisionVague},
		{"دخل الأراضي التركية قبل ثلاثة أيام", "قبل ثلاثة أيام", "2019-03-17", "2019-03-17", PrecisionDay},
		{"غادر سوريا قبل عامين", "قبل عامين", "2017-01-01", "2017-12-31", PrecisionYear},
		{"اعتقلته الشرطة يوم الجمعة في إسطنبول", "يوم الجمعة", "2019-03-15", "2019-03-15", PrecisionDay},
		{"أعلنت وزارة الداخلية العراقية، الأحد، اعتقال قيادي في التنظيم", "الأحد", "2019-03-17", "2019-03-17", PrecisionDay},
		{"وقع الهجوم مساء الخميس قرب الحدود", "مساء الخميس", "2019-03-14", "2019-03-14", PrecisionDay},
		{"أفاد مصدر أمني عراقي، اليوم الأربعاء، بإلقاء القبض", "اليوم الأربعاء", "2019-03-20", "2019-03-20", PrecisionDay},
		{"رصد نشطاء، الليلة الفائتة، فرار عشرات", "الليلة الفائتة", "2019-03-19", "2019-03-20", PrecisionDay},
		{"صدر الحكم بتاريخ 12/3/2019", "12/3/2019", "2019-03-12", "2019-03-12", PrecisionDay},
		{"وفي 2014 أعلن التنظيم خلافته", "2014", "2014-01-01", "2014-12-31", PrecisionYear},
		{"نهاية كانون الأول/ديسمبر 2018", "نهاية كانون الأول/ديسمبر 2018", "2018-12-21", "2018-12-31", PrecisionPartOfMonth},
		{"عاش في الرقة بين عامي 2014 و2017", "بين عامي 2014 و2017", "2014-01-01", "2017-12-31", PrecisionYear},
		{"بقي في إدلب من آذار 2018 إلى أيار 2019", "من آذار 2018 إلى أيار 2019", "2018-03-01", "2019-05-31", PrecisionMonth},
		{"احتجز بين 12 و15 آذار 2019 في القامشلي", "بين 12 و15 آذار 2019", "2019-03-12", "2019-03-15", PrecisionDay},
		{"سيطر التنظيم على الموصل بين 2014-2017", "بين 2014-2017", "2014-01-01", "2017-12-31", PrecisionYear},
		{"نقل المعتقلون في 3 تموز/يوليو", "3 تموز/يوليو", "2018-07-03", "2018-07-03", PrecisionDay},
	}
	for _, tt := range tests {
		ds := FindDates(tt.text, ref)
		if len(ds) != 1 {
			t.Errorf("%s: got %d dates %+v, want 1", tt.text, len(ds), ds)
			continue
		}
		d := ds[0]
		if d.Text != tt.want || d.Start.String() != tt.start || d.End.String() != tt.end || d.Precision != tt.prec {
			t.Errorf("%s:\n got  %q %s..%s %s\n want %q %s..%s %s", tt.text, d.Text, d.Start, d.End, d.Precision, tt.want, tt.start, tt.end, tt.prec)
		}
		if tt.text[d.Span.Start:d.Span.End] != d.Text {
			t.Errorf("%s: span %v does not hold %q", tt.text, d.Span, d.Text)
		}
	}
}

// Words that look like dates but are not.
func TestFindDatesNone(t *testing.T) {
	ref := time.Date(2019, 3, 20, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"مارس التنظيم ضغوطا على السكان",         // مارس the verb
		"قال أب لثلاثة أطفال إنه فر من المدينة", // أب father
		"اتجه ما يقارب الـ 40 ألف مقاتل أجنبي",
		"الخيار الوحيد المتاح اليوم أمام التنظيم",
		"معلومات ضرورية 1500 / 1500",
		"قتل 2000 عنصر",
		"كانون",
		"صلاة الجمعة في المسجد",
		"في 12 رجب 1440 هـ",
	} {
		if ds := FindDates(text, ref); len(ds) != 0 {
			t.Errorf("%s: found %+v", text, ds)
		}
	}
}

// Without a document date, relative dates are found but left unresolved.
func TestFindDatesNoReference(t *testing.T) {
	ds := FindDates("فر العام الماضي إلى تركيا، ثم عاد في 2 آب/أغسطس، واعتقل في 2019", time.Time{})
	if len(ds) != 3 {
		t.Fatalf("got %+v", ds)
	}
	if ds[0].Resolved() || !ds[0].Relative || ds[1].Resolved() || !ds[2].Resolved() {
		t.Errorf("got %+v", ds)
	}
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{"في 23 آذار/ مارس 2019", "قبل ٣ أشهر", "مطلع العام الجاري", "12/3/2019", "يوم الجمعة الماضي", "الحادي والثلاثين من شباط 2019"} {
		f.Add(s)
	}
	ref := time.Date(2019, 3, 20, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range FindDates(s, ref) {
			if d.Span.Start < 0 || d.Span.End > len(s) || d.Span.Start >= d.Span.End || s[d.Span.Start:d.Span.End] != d.Text {
				t.Fatalf("bad span %+v", d)
			}
			if d.Resolved() && d.End.Before(d.Start.Time) {
				t.Fatalf("end before start: %+v", d)
			}
		}
	})
}
