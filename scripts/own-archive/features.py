"""Python mirror of TextFeatures / CategoryModel.terms (stop words, plural fold, word pairs, headline x2),
for the own-archive prototypes in this folder. Reproduces the Java NB (alpha 1) held-out figures exactly."""
import json, re, sys, math
import numpy as np, scipy.sparse as sp
STOP=set(("a an the and or but if of in on at to for from by with about as into over after "
"before under between out up down off than then so such this that these those it its is are was were be been being "
"has have had do does did will would shall should can could may might must not no nor only own same too very s t "
"just don now he she they them his her their we our you your i me my mine who whom which what when where why how "
"all any both each few more most other some also said says say mr mrs ms one two three new year years last first "
"time people told").split())
def fold(w):
    if len(w)>4 and w.endswith('ies'): return w[:-3]+'y'
    if len(w)>3 and w.endswith('s') and not (w.endswith('ss') or w.endswith('us') or w.endswith('is')): return w[:-1]
    return w
def words(t):
    out=[]
    if not t: return out
    cur=[]
    for ch in t.lower()+' ':
        if ch.isalnum(): cur.append(ch)
        else:
            if cur:
                w=''.join(cur); cur=[]
                if len(w)>=2 and w not in STOP and not w.isdigit(): out.append(fold(w))
    return out
def counts(t,ng=2):
    w=words(t); d={}
    for i,x in enumerate(w):
        d[x]=d.get(x,0)+1
        if ng>1 and i>0:
            p=w[i-1]+'_'+x; d[p]=d.get(p,0)+1
    return d
def terms(h,b,ng=2,hw=2):
    d={k:v*hw for k,v in counts(h,ng).items()}
    for k,v in counts(b,ng).items(): d[k]=d.get(k,0)+v
    return d
def load(f):
    return [json.loads(l) for l in open(f) if l.strip()]
M64=(1<<64)-1
def held_out(story_id, share=0.2):
    """TrainCommand.heldOut: Java String-style 64-bit hash, murmur finaliser, floorMod 10,000 < share * 10,000."""
    h=1125899906842597
    for ch in story_id: h=(31*h+ord(ch))&M64
    h^=h>>33; h=(h*0xff51afd7ed558ccd)&M64; h^=h>>33
    if h>=1<<63: h-=1<<64
    return h%10000 < share*10000
def archive_vocab(T):
    """The trainer's terms: every word, and word pairs seen at least twice in the training rows."""
    seen={}
    for t in T:
        for k,v in t.items(): seen[k]=seen.get(k,0)+v
    return {k:i for i,k in enumerate(k for k,v in seen.items() if '_' not in k or v>=2)}
def matrix(T,vocab,f=lambda v:v):
    rows=[];cols=[];vals=[]
    for i,t in enumerate(T):
        for k,v in t.items():
            j=vocab.get(k)
            if j is not None: rows.append(i);cols.append(j);vals.append(f(v))
    return sp.csr_matrix((vals,(rows,cols)),shape=(len(T),len(vocab)),dtype=float)
