package synth

import (
	"strconv"
	"strings"
)

// Birth places, by country: a governorate (or province), its weight (about
// its share of the population, in per mille of the country), then its towns
// with their shares of the governorate. The first town of a governorate is
// its seat. Records name a place as "town، governorate", or the seat alone,
// or the governorate alone, as clerks write it.
const placesIQ = `
بغداد 220: بغداد 80, الأعظمية 5, الكاظمية 5, أبو غريب 4, المحمودية 3, الطارمية 2
نينوى 100: الموصل 60, تلعفر 12, سنجار 8, الحمدانية 5, بعاج 3, القيارة 4
البصرة 80: البصرة 75, الزبير 15, أبو الخصيب 10
الأنبار 55: الرمادي 35, الفلوجة 30, هيت 8, حديثة 7, القائم 8, راوة 3, عنة 3, الكرمة 6
صلاح الدين 50: تكريت 25, سامراء 30, بيجي 12, الشرقاط 12, الدور 6, بلد 8, طوز خورماتو 7
ذي قار 55: الناصرية 70, الشطرة 30
بابل 50: الحلة 65, المسيب 15, جرف الصخر 5, الإسكندرية 15
السليمانية 55: السليمانية 85, حلبجة 15
أربيل 50: أربيل 85, مخمور 15
ديالى 42: بعقوبة 50, المقدادية 20, الخالص 20, جلولاء 10
كركوك 40: كركوك 75, الحويجة 25
النجف 38: النجف 75, الكوفة 25
واسط 36: الكوت 75, الصويرة 25
القادسية 30: الديوانية 100
دهوك 32: دهوك 60, زاخو 40
كربلاء 30: كربلاء 100
ميسان 28: العمارة 100
المثنى 20: السماوة 100
`

const placesSY = `
حلب 210: حلب 70, منبج 10, الباب 8, اعزاز 6, جرابلس 3, عين العرب 3
ريف دمشق 130: دوما 35, داريا 15, التل 15, الزبداني 10, قطنا 10, يبرود 15
دمشق 85: دمشق 100
حمص 80: حمص 75, تدمر 10, القصير 15
حماة 75: حماة 65, سلمية 25, محردة 10
إدلب 70: إدلب 35, معرة النعمان 25, سراقب 15, جسر الشغور 15, أريحا 10
دير الزور 75: دير الزور 50, الميادين 15, البوكمال 20, هجين 8, الشحيل 7
الحسكة 70: الحسكة 45, القامشلي 40, الشدادي 10, رأس العين 5
الرقة 50: الرقة 65, الطبقة 25, تل أبيض 10
درعا 50: درعا 55, نوى 20, إنخل 15, بصرى الشام 10
اللاذقية 50: اللاذقية 80, جبلة 20
طرطوس 40: طرطوس 70, بانياس 30
السويداء 20: السويداء 100
القنيطرة 5: القنيطرة 100
`

// Other nationalities are born in a few cities of their country.
var placesOther = map[string][]string{
	"SA": {"الرياض", "جدة", "مكة المكرمة", "بريدة", "الدمام"},
	"TN": {"تونس", "صفاقس", "بنزرت", "القيروان", "بن قردان"},
	"JO": {"الزرقاء", "عمان", "إربد", "السلط", "معان"},
	"EG": {"القاهرة", "الإسكندرية", "الزقازيق", "المنصورة"},
	"MA": {"الدار البيضاء", "طنجة", "فاس", "تطوان"},
	"LY": {"طرابلس", "درنة", "مصراتة", "بنغازي"},
	"LB": {"طرابلس", "صيدا", "بيروت"},
	"YE": {"صنعاء", "عدن", "شبوة"},
	"KW": {"الكويت", "الجهراء"},
}

// place is one town in its governorate.
type place struct {
	town, governorate string
	seat              bool
}

// parsePlaces reads a places table into the list of towns and their
// weights (the governorate's share times the town's share).
func parsePlaces(s string) ([]place, sampler) {
	var ps []place
	var ws []float64
	for line := range strings.Lines(s) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		head, towns, ok := strings.Cut(line, ":")
		if !ok {
			panic("synth: place line without towns: " + line)
		}
		i := strings.LastIndexByte(head, ' ')
		gov := strings.TrimSpace(head[:i])
		gw := mustAtof(head[i+1:])
		for j, t := range strings.Split(towns, ",") {
			t = strings.TrimSpace(t)
			k := strings.LastIndexByte(t, ' ')
			ps = append(ps, place{town: t[:k], governorate: gov, seat: j == 0})
			ws = append(ws, gw*mustAtof(t[k+1:]))
		}
	}
	return ps, newSamplerWeights(ws)
}

func mustAtof(s string) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		panic("synth: bad weight in table: " + s)
	}
	return f
}
