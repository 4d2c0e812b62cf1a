import re
from harness import cp, S
WD=['monday','tuesday','wednesday','thursday','friday','saturday','sunday']
MON={'jan':1,'january':1,'feb':2,'february':2,'mar':3,'march':3,'apr':4,'april':4,'may':5,'jun':6,'june':6,'jul':7,'july':7,
     'aug':8,'august':8,'sep':9,'sept':9,'september':9,'oct':10,'october':10,'nov':11,'november':11,'dec':12,'december':12}
WDRE=re.compile(r'\b(mon|tues|wednes|thurs|fri|satur|sun)day\b',re.I)
MDRE=re.compile(r'\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b',re.I)
DMRE=re.compile(r'\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b',re.I)
YRE=re.compile(r'\b(19[5-9]\d|20[0-3]\d)\b')
def text(h,paras): return '\n'.join([h]+paras)
def weekdays(h,paras):
    out={}
    for m in WDRE.finditer(text(h,paras)):
        w=m.group(0).lower(); out[w]=out.get(w,0)+1
    return out
def monthdays(h,paras):
    out={}
    t=text(h,paras)
    for m in MDRE.finditer(t):
        if m.group(1).lower()=='may' and not m.group(0)[0].isupper(): continue
        k='%02d-%02d'%(MON[m.group(1).lower()],int(m.group(2)))
        if int(m.group(2))<=31: out[k]=out.get(k,0)+1
    for m in DMRE.finditer(t):
        if m.group(2).lower()=='may' and not m.group(2)[0].isupper(): continue
        k='%02d-%02d'%(MON[m.group(2).lower()],int(m.group(1)))
        if int(m.group(1))<=31: out[k]=out.get(k,0)+1
    return out
def years(h,paras):
    out={}
    for m in YRE.finditer(text(h,paras)): out[m.group(0)]=out.get(m.group(0),0)+1
    return out
