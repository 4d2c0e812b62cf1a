import sys, random; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from robust import redraw, S0
from variants import *
sets=[('orig',S0)]+[('seed%d'%s,redraw(s)) for s in (1,2,3)]
out=open('grid.tsv','w')
for g in (0.0,0.08,0.1,0.12,0.15,0.18):
    for th in (0.12,0.13,0.14,0.15,0.16,0.17):
        fs=[]
        for name,S in sets:
            c=Cfg(th=th); c.score=size_score(g)
            pred,_=run(S,c); w,a,b=report(S,pred,'%s g%.2f th%.2f'%(name,g,th)); fs.append(w[2])
        out.write('%.2f\t%.2f\t%s\t%.4f\n'%(g,th,'\t'.join('%.4f'%f for f in fs),sum(fs)/len(fs))); out.flush()
